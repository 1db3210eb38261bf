#include "app/SingleInstance.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QThread>

#include <algorithm>

#ifdef Q_OS_WIN
#include "app/platform/win/UserPipe.h"
#else
#include "app/platform/posix/OwnerChecks.h"

#include <unistd.h>
#endif

namespace cqrs::app {

namespace {

Q_LOGGING_CATEGORY(lcInstance, "cqrs.instance")

// A link is far shorter; anything longer is not from a well-behaved launch.
constexpr qint64 MaxLineBytes = 4096;

QString lockPathFor(const QString &serverName)
{
#ifdef Q_OS_WIN
    // A pipe name is not a file: the lock goes to the user's own temporary folder.
    return QDir::temp().filePath(serverName.section(QLatin1Char('\\'), -1)
                                 + QStringLiteral(".lock"));
#else
    return serverName + QStringLiteral(".lock");
#endif
}

// Whether the process at the other end of a connected local socket runs as this user, asked of
// the operating system rather than of anything the peer says.
bool peerIsThisUser(const QLocalSocket &socket, bool weAreTheClient)
{
#ifdef Q_OS_WIN
    // QLocalSocket's descriptor on Windows is the pipe's handle.
    return win::pipePeerRunsAsThisUser(reinterpret_cast<void *>(socket.socketDescriptor()),
                                       weAreTheClient ? win::PipeEnd::Client
                                                      : win::PipeEnd::Server);
#else
    Q_UNUSED(weAreTheClient)
    return posix::peerIsThisUser(socket.socketDescriptor());
#endif
}

} // namespace

struct SingleInstance::Reply
{
    HandOver status = HandOver::NoAnswer;
    QString line;
};

QString SingleInstance::defaultServerName()
{
    QString override = qEnvironmentVariable("CQRS_DESKTOP_INSTANCE");
    if (!override.isEmpty())
        return override;
#ifdef Q_OS_WIN
    return QString::fromStdWString(win::userPipeName(L"cqrs-desktop"));
#else
    QString folder = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (!QDir::isAbsolutePath(folder)) {
        // Predictable, so someone else may have made it first: tryBecomePrimary() checks it.
        folder
            = QDir(QDir::tempPath()).filePath(QStringLiteral("cqrs-desktop-%1").arg(::geteuid()));
    }
    return QDir(folder).filePath(QStringLiteral("cqrs-desktop.socket"));
#endif
}

SingleInstance::SingleInstance(const QString &serverName, QObject *parent)
    : QObject(parent)
    , m_serverName(serverName)
    , m_lock(lockPathFor(serverName))
{
    // Never stale by age: only a dead owner process makes the lock stale.
    m_lock.setStaleLockTime(0);
}

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close();
}

QString SingleInstance::channelProblem() const
{
#ifdef Q_OS_WIN
    return {};
#else
    QString problem = posix::preparePrivateDirectory(QFileInfo(m_serverName).absolutePath());
    if (problem.isEmpty())
        problem = posix::foreignFileProblem(m_lock.fileName());
    if (problem.isEmpty())
        problem = posix::foreignFileProblem(m_serverName);
    return problem;
#endif
}

SingleInstance::Role SingleInstance::tryBecomePrimary()
{
    if (const QString problem = channelProblem(); !problem.isEmpty()) {
        m_problem = tr("CQRS Desktop cannot pass links safely between its windows: %1 Links you "
                       "open will each open in a new window. Tell your IT support about this "
                       "message; nothing of theirs has been changed.")
                        .arg(problem);
        return Role::Alone;
    }
    return m_lock.tryLock(0) ? Role::Primary : Role::Secondary;
}

bool SingleInstance::listen()
{
    // We hold the lock in a folder only we may write to, so any socket left there is ours, from a
    // crashed instance; channelProblem() has made sure of that.
    QLocalServer::removeServer(m_serverName);
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_serverName)) {
        m_problem = tr("CQRS Desktop cannot receive links from other windows (%1). It works as a "
                       "single window: a link you open while it runs opens in a new window.")
                        .arg(m_server->errorString());
        m_server.reset();
        // Later launches then open their own window instead of waiting for us in vain.
        m_lock.unlock();
        return false;
    }
    connect(m_server.get(), &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection())
            serve(socket);
    });
    return true;
}

void SingleInstance::serve(QLocalSocket *socket)
{
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    if (!peerIsThisUser(*socket, false)) {
        qCWarning(lcInstance) << "Refused a connection from a process of another user";
        socket->abort();
        socket->deleteLater();
        return;
    }
    connect(socket, &QLocalSocket::readyRead, socket, [this, socket] {
        if (!socket->canReadLine()) {
            if (socket->bytesAvailable() > MaxLineBytes)
                socket->abort();
            return;
        }
        const QString line = QString::fromUtf8(socket->readLine(MaxLineBytes)).trimmed();
        socket->write(answer(line).toUtf8() + '\n');
        socket->flush();
        socket->disconnectFromServer();
    });
}

QString SingleInstance::answer(const QString &line)
{
    static const QString open = QStringLiteral("open ");
    if (line.startsWith(open)) {
        emit linkReceived(line.mid(open.size()));
        return QStringLiteral("ok");
    }
    if (line == QLatin1String("activate")) {
        emit activationRequested();
        return QStringLiteral("ok");
    }
    if (line == QLatin1String("screen"))
        return m_reportScreen ? m_reportScreen() : QString();
    return QStringLiteral("unknown request");
}

SingleInstance::Reply SingleInstance::exchange(const QString &serverName, const QString &line,
                                               std::chrono::milliseconds timeout)
{
    QLocalSocket socket;
    socket.connectToServer(serverName);
    const int ms = static_cast<int>(timeout.count());
    if (!socket.waitForConnected(ms))
        return {};
    if (!peerIsThisUser(socket, true))
        return {HandOver::OtherUser, {}};
    QString oneLine = line;
    oneLine.replace(QLatin1Char('\n'), QLatin1Char(' '));
    socket.write(oneLine.toUtf8() + '\n');
    if (!socket.waitForBytesWritten(ms))
        return {};
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(ms))
            return {};
    }
    return {HandOver::Delivered, QString::fromUtf8(socket.readLine(MaxLineBytes)).trimmed()};
}

QString SingleInstance::request(const QString &serverName, const QString &line,
                                std::chrono::milliseconds timeout)
{
    return exchange(serverName, line, timeout).line;
}

SingleInstance::HandOver SingleInstance::handOver(const QString &line,
                                                  std::chrono::milliseconds within)
{
    const QDeadlineTimer deadline(within);
    while (!deadline.hasExpired()) {
        const std::chrono::milliseconds rest(std::max<qint64>(deadline.remainingTime(), 1));
        const Reply reply = exchange(m_serverName, line, rest);
        if (reply.status == HandOver::OtherUser) {
            m_problem = tr("CQRS Desktop did not pass your link on: the program answering at %1 "
                           "runs as another user account on this computer. The link opens in "
                           "this window instead. Tell your IT support about this message.")
                            .arg(m_serverName);
            return HandOver::OtherUser;
        }
        if (reply.line == QLatin1String("ok"))
            return HandOver::Delivered;
        QThread::msleep(20);
    }
    m_problem = tr("CQRS Desktop is already running but not responding. Close it (or restart the "
                   "computer) and try again.");
    return HandOver::NoAnswer;
}

} // namespace cqrs::app
