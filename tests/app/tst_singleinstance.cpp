#include "app/SingleInstance.h"
#include "tests/support/StubClient.h"
#include "tests/support/StubProcess.h"

#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

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

private:
    QProcess *launch(const QStringList &arguments);
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

QProcess *TestSingleInstance::launch(const QStringList &arguments)
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CQRS_DESKTOP_INSTANCE"), instanceName);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process->setProcessEnvironment(env);
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
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
    QVERIFY(SingleInstance::handOver(instanceName, QStringLiteral("activate")));
    QVERIFY(clock.elapsed() >= 1400);
    firstInstance->wait();
    QCOMPARE(received, QStringList {QStringLiteral("activate")});
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_singleinstance.moc"
