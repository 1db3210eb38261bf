#include "app/SingleInstance.h"
#include "tests/support/StubClient.h"
#include "tests/support/StubProcess.h"

#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>
#include <functional>
#include <sys/stat.h>
#include <unistd.h>

using cqrs::app::SingleInstance;

// The built cqrs-desktop binary, launched twice as the operating system would: the second launch
// hands its link to the first and exits; the first shows that link's screen. The running app is
// asked for its current screen over the same local socket ("screen").
class TestSingleInstance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void secondLaunchHandsOverItsLinkAndExits();
    void secondLaunchWithoutLinkJustActivates();
    void badLinkFromSecondLaunchShowsAPlainMessage();
    void staleLockAndSocketFromACrashDoNotBlock();
    void slowFirstInstanceGetsTheLineOnce();
    void listenFailureLeavesEveryLaunchItsOwnWindow();
    void squattedFallbackFolderIsRefused();
    void socketOfAnotherUserNeverGetsTheLink_data();
    void socketOfAnotherUserNeverGetsTheLink();
    void firstInstanceRefusesAClientOfAnotherUser();
    void startLogSaysWhenTheWindowIsShownOnlyWhenAsked();

private:
    using Environment = std::function<void(QProcessEnvironment &)>;
    QProcess *launch(const QStringList &arguments, const Environment &adjust = {});
    QProcess *startSquatter(const QStringList &arguments);
    bool waitForOutput(QProcess *process, const QString &text, int ms = 10000) const;
    QString sharedFolder() const;
    QString screen() const;
    bool waitForScreen(const QString &name, int ms = 10000) const;

    StubProcess stub;
    StubClient client {stub};
    QString binary;
    std::unique_ptr<QTemporaryDir> dir;
    QString instanceName;
    std::vector<std::unique_ptr<QProcess>> processes;
};

void TestSingleInstance::initTestCase()
{
    binary = qEnvironmentVariable("CQRS_DESKTOP_BINARY");
    QVERIFY2(QFile::exists(binary), "CQRS_DESKTOP_BINARY does not name the built app");
    QVERIFY(stub.start());
}

void TestSingleInstance::init()
{
    dir = std::make_unique<QTemporaryDir>();
    instanceName = dir->filePath(QStringLiteral("desktop.socket"));
}

void TestSingleInstance::cleanup()
{
    for (auto &process : processes) {
        if (process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(3000))
                process->kill();
            process->waitForFinished(1000);
        }
    }
    processes.clear();
}

QProcess *TestSingleInstance::launch(const QStringList &arguments, const Environment &adjust)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CQRS_DESKTOP_INSTANCE"), instanceName);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    if (adjust)
        adjust(env);
    process->setProcessEnvironment(env);
    // Errors are read by the tests that expect the app to explain itself.
    process->setProcessChannelMode(adjust ? QProcess::SeparateChannels
                                          : QProcess::ForwardedErrorChannel);
    process->start(binary,
                   QStringList {QStringLiteral("--server"), stub.url().toString()} + arguments);
    processes.push_back(std::move(process));
    return processes.back().get();
}

QString TestSingleInstance::screen() const
{
    return SingleInstance::request(instanceName, QStringLiteral("screen"),
                                   std::chrono::milliseconds(500));
}

bool TestSingleInstance::waitForScreen(const QString &name, int ms) const
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < ms) {
        if (screen() == name)
            return true;
        QTest::qWait(20);
    }
    return false;
}

void TestSingleInstance::secondLaunchHandsOverItsLinkAndExits()
{
    QCOMPARE(client
                 .adminPost(QStringLiteral("/api/v1/admin/users"),
                            {{QStringLiteral("userId"), QStringLiteral("second.launch")},
                             {QStringLiteral("email"), QStringLiteral("second@nhs.net")},
                             {QStringLiteral("displayName"), QStringLiteral("Sam Second")}})
                 .status,
             201);
    const QString link = client.newestAppLink(QStringLiteral("register"));
    QVERIFY(!link.isEmpty());

    QProcess *first = launch({});
    QVERIFY(waitForScreen(QStringLiteral("sign-in")));

    QElapsedTimer clock;
    clock.start();
    QProcess *second = launch({QStringLiteral("--"), link});
    QVERIFY(second->waitForFinished(1000));
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(second->exitStatus(), QProcess::NormalExit);
    QCOMPARE(second->exitCode(), 0);

    QVERIFY(waitForScreen(QStringLiteral("security-information")));
    QCOMPARE(first->state(), QProcess::Running);
}

void TestSingleInstance::secondLaunchWithoutLinkJustActivates()
{
    launch({});
    QVERIFY(waitForScreen(QStringLiteral("sign-in")));
    QProcess *second = launch({});
    QVERIFY(second->waitForFinished(1000));
    QCOMPARE(second->exitCode(), 0);
    QCOMPARE(screen(), QStringLiteral("sign-in"));
}

void TestSingleInstance::badLinkFromSecondLaunchShowsAPlainMessage()
{
    launch({});
    QVERIFY(waitForScreen(QStringLiteral("sign-in")));
    QProcess *second = launch({QStringLiteral("--"), QStringLiteral("cqrs://register?token=%00")});
    QVERIFY(second->waitForFinished(1000));
    QCOMPARE(second->exitCode(), 0);
    QVERIFY(waitForScreen(QStringLiteral("message")));
}

void TestSingleInstance::staleLockAndSocketFromACrashDoNotBlock()
{
    QProcess *crashed = launch({});
    QVERIFY(waitForScreen(QStringLiteral("sign-in")));
    ::kill(static_cast<pid_t>(crashed->processId()), SIGKILL);
    QVERIFY(crashed->waitForFinished(3000));
    QVERIFY(QFile::exists(instanceName + QStringLiteral(".lock")));

    QProcess *next = launch({});
    QVERIFY(waitForScreen(QStringLiteral("sign-in")));
    QCOMPARE(next->state(), QProcess::Running);
}

// A first instance still starting (blocked in credential store calls) answers late: the second
// launch must wait for it, and must not repeat its line on every retry.
void TestSingleInstance::slowFirstInstanceGetsTheLineOnce()
{
    QStringList received;
    std::unique_ptr<QThread> firstInstance(QThread::create([this, &received] {
        QLocalServer server;
        if (!server.listen(instanceName))
            return;
        QElapsedTimer idle;
        idle.start();
        while (idle.elapsed() < 1000) {
            if (!server.waitForNewConnection(100))
                continue;
            QLocalSocket *socket = server.nextPendingConnection();
            if (!socket->canReadLine())
                socket->waitForReadyRead(1000);
            received.append(QString::fromUtf8(socket->readLine()).trimmed());
            if (received.size() == 1)
                QThread::msleep(1500);
            socket->write("ok\n");
            socket->waitForBytesWritten(1000);
            socket->disconnectFromServer();
            idle.restart();
        }
    }));
    firstInstance->start();
    QTest::qWait(100);

    QElapsedTimer clock;
    clock.start();
    QCOMPARE(SingleInstance(instanceName).handOver(QStringLiteral("activate")),
             SingleInstance::HandOver::Delivered);
    QVERIFY(clock.elapsed() >= 1400);
    firstInstance->wait();
    QCOMPARE(received, QStringList {QStringLiteral("activate")});
}

bool TestSingleInstance::waitForOutput(QProcess *process, const QString &text, int ms) const
{
    QElapsedTimer clock;
    clock.start();
    QByteArray seen;
    while (clock.elapsed() < ms && process->state() != QProcess::NotRunning) {
        process->waitForReadyRead(100);
        seen += process->readAllStandardError();
        if (QString::fromLocal8Bit(seen).contains(text))
            return true;
    }
    seen += process->readAllStandardError();
    qInfo() << "stderr:" << seen;
    return QString::fromLocal8Bit(seen).contains(text);
}

// A folder every user may write to, as /tmp is: where a squatter prepares its trap.
QString TestSingleInstance::sharedFolder() const
{
    QString shared = dir->filePath(QStringLiteral("shared"));
    QDir().mkpath(shared);
    ::chmod(QFile::encodeName(dir->path()).constData(), 0755);
    ::chmod(QFile::encodeName(shared).constData(), 01777);
    return shared;
}

// Another local user (nobody) who listens where the app might look and writes down every line it
// is sent. argv: socket path, record file, and optionally a lock file to write its pid into.
QProcess *TestSingleInstance::startSquatter(const QStringList &arguments)
{
    static const QString squatter = QStringLiteral(R"(
import os, socket, sys
path, record = sys.argv[1], sys.argv[2]
os.makedirs(os.path.dirname(path), exist_ok=True)
os.chmod(os.path.dirname(path), 0o777)
if len(sys.argv) > 3:
    with open(sys.argv[3], "w") as lock:
        lock.write("%d\ncqrs-desktop\n%s\n" % (os.getpid(), socket.gethostname()))
server = socket.socket(socket.AF_UNIX)
server.bind(path)
os.chmod(path, 0o777)
server.listen(8)
print("listening", flush=True)
while True:
    client, _ = server.accept()
    line = client.makefile().readline()
    if line:
        with open(record, "a") as out:
            out.write(line)
    client.sendall(b"ok\n")
    client.close()
)");
    auto process = std::make_unique<QProcess>();
    process->start(QStringLiteral("setpriv"),
                   QStringList {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                QStringLiteral("--clear-groups"),
                                QStringLiteral("/usr/bin/python3"), QStringLiteral("-c"), squatter}
                       + arguments);
    processes.push_back(std::move(process));
    QProcess *started = processes.back().get();
    if (!started->waitForReadyRead(5000))
        qWarning() << "squatter:" << started->readAllStandardError();
    return started;
}

// Without a working socket the first instance says so, lets its lock go and works on; a later
// launch then opens its own window too instead of waiting for an answer that never comes.
void TestSingleInstance::listenFailureLeavesEveryLaunchItsOwnWindow()
{
    // Longer than a Unix socket address may be, while the lock file beside it is fine.
    instanceName = dir->filePath(QString(120, QLatin1Char('x')) + QStringLiteral(".socket"));
    const auto keep = [](QProcessEnvironment &) {
    };
    const QString said = QStringLiteral("cannot receive links from other windows");
    QProcess *first = launch({}, keep);
    QVERIFY(waitForOutput(first, said));
    QProcess *second = launch({}, keep);
    QVERIFY(waitForOutput(second, said));
    QCOMPARE(first->state(), QProcess::Running);
    QCOMPARE(second->state(), QProcess::Running);
}

// Without $XDG_RUNTIME_DIR the app uses <temp>/cqrs-desktop-<uid>; another user made it first,
// open to all, with a lock and a listening socket in it.
void TestSingleInstance::squattedFallbackFolderIsRefused()
{
    if (::geteuid() != 0)
        QSKIP("Needs root to start a squatter as another user (nobody); CI runs as root.");
    const QString shared = sharedFolder();
    const QString folder = shared + QStringLiteral("/cqrs-desktop-0");
    const QString socket = folder + QStringLiteral("/cqrs-desktop.socket");
    const QString record = shared + QStringLiteral("/received");
    QProcess *squatter = startSquatter({socket, record, socket + QStringLiteral(".lock")});
    QCOMPARE(squatter->state(), QProcess::Running);

    QProcess *app = launch({QStringLiteral("--"), QStringLiteral("cqrs://register?token=victim")},
                           [&shared](QProcessEnvironment &env) {
                               env.remove(QStringLiteral("CQRS_DESKTOP_INSTANCE"));
                               env.remove(QStringLiteral("XDG_RUNTIME_DIR"));
                               env.insert(QStringLiteral("TMPDIR"), shared);
                           });
    QVERIFY(waitForOutput(app, QStringLiteral("belongs to another user account")));
    QTest::qWait(300);
    QCOMPARE(app->state(), QProcess::Running);
    if (QFile f(record); f.open(QIODevice::ReadOnly))
        QFAIL(
            qPrintable(QStringLiteral("the squatter was sent: ") + QString::fromUtf8(f.readAll())));
    QVERIFY(QFile::exists(socket));
    QVERIFY(QFile::exists(socket + QStringLiteral(".lock")));
    QCOMPARE(squatter->state(), QProcess::Running);
}

void TestSingleInstance::socketOfAnotherUserNeverGetsTheLink_data()
{
    QTest::addColumn<bool>("chownToUs");
    QTest::newRow("socket file theirs") << false;
    // Only the kernel's answer about the listening process tells it apart.
    QTest::newRow("socket file made ours") << true;
}

// Our own private folder, our own live lock, and yet another user's process listening on the
// socket path (moved there by root): the app must ask who listens before it says anything.
void TestSingleInstance::socketOfAnotherUserNeverGetsTheLink()
{
    QFETCH(bool, chownToUs);
    if (::geteuid() != 0)
        QSKIP("Needs root to start a squatter as another user (nobody); CI runs as root.");
    const QString shared = sharedFolder();
    const QString record = shared + QStringLiteral("/received");
    const QString theirs = shared + QStringLiteral("/trap/socket");
    QProcess *squatter = startSquatter({theirs, record});
    QCOMPARE(squatter->state(), QProcess::Running);
    const QString ours = dir->filePath(QStringLiteral("private"));
    QVERIFY(QDir().mkdir(ours));
    ::chmod(QFile::encodeName(ours).constData(), 0700);
    instanceName = ours + QStringLiteral("/desktop.socket");
    QVERIFY(QFile::rename(theirs, instanceName));
    if (chownToUs)
        QCOMPARE(::chown(QFile::encodeName(instanceName).constData(), 0, 0), 0);
    QLockFile runningInstance(instanceName + QStringLiteral(".lock"));
    QVERIFY(runningInstance.tryLock(0));

    QProcess *app = launch({QStringLiteral("--"), QStringLiteral("cqrs://reset?token=victim")},
                           [](QProcessEnvironment &) {});
    QVERIFY(waitForOutput(app, QStringLiteral("another user account")));
    QTest::qWait(300);
    QCOMPARE(app->state(), QProcess::Running);
    if (QFile f(record); f.open(QIODevice::ReadOnly))
        QFAIL(
            qPrintable(QStringLiteral("the squatter was sent: ") + QString::fromUtf8(f.readAll())));
    QVERIFY(QFile::exists(instanceName));
}

// The running app's socket opened up after the fact (by root here): a client of another user
// still gets nothing and can change nothing.
void TestSingleInstance::firstInstanceRefusesAClientOfAnotherUser()
{
    if (::geteuid() != 0)
        QSKIP("Needs root to connect as another user (nobody); CI runs as root.");
    launch({});
    QVERIFY(waitForScreen(QStringLiteral("sign-in")));
    ::chmod(QFile::encodeName(dir->path()).constData(), 0711);
    ::chmod(QFile::encodeName(instanceName).constData(), 0777);

    QProcess intruder;
    intruder.start(QStringLiteral("setpriv"),
                   {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                    QStringLiteral("--clear-groups"), QStringLiteral("/usr/bin/python3"),
                    QStringLiteral("-c"),
                    QStringLiteral("import socket, sys\n"
                                   "reply = ''\n"
                                   "try:\n"
                                   "    s = socket.socket(socket.AF_UNIX)\n"
                                   "    s.connect(sys.argv[1])\n"
                                   "    s.sendall(b'open cqrs://register?token=intruder\\n')\n"
                                   "    reply = s.makefile().readline().strip()\n"
                                   "except OSError as error:\n"
                                   "    print(error, file=sys.stderr)\n"
                                   "print('reply:' + reply, flush=True)\n"),
                    instanceName});
    QVERIFY(intruder.waitForFinished(5000));
    QVERIFY2(intruder.exitCode() == 0, intruder.readAllStandardError().constData());
    QCOMPARE(intruder.readAllStandardOutput().trimmed(), QByteArray("reply:"));
    QCOMPARE(screen(), QStringLiteral("sign-in"));
}

void TestSingleInstance::startLogSaysWhenTheWindowIsShownOnlyWhenAsked()
{
    // bench_app times starts by this line; nobody else sees it unless they turn it on.
    QProcess *asked = launch({}, [](QProcessEnvironment &env) {
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("cqrs.startup.info=true"));
    });
    QVERIFY(waitForOutput(asked, QStringLiteral("first window shown")));
    QCOMPARE(screen(), QStringLiteral("sign-in"));
    cleanup();

    QProcess *quiet = launch(
        {}, [](QProcessEnvironment &env) { env.remove(QStringLiteral("QT_LOGGING_RULES")); });
    QVERIFY(waitForScreen(QStringLiteral("sign-in")));
    QTest::qWait(200);
    QVERIFY(!quiet->readAllStandardError().contains("first window shown"));
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
