#include "app/SingleInstance.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QLocalSocket>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>

namespace cqrs::app {

namespace {

Q_LOGGING_CATEGORY(lcInstance, "cqrs.instance")

// A link is far shorter; anything longer is not from a well-behaved launch.
constexpr qint64 MaxLineBytes = 4096;

QString lockPathFor(const QString &serverName)
{
    const QString path
        = QDir::isAbsolutePath(serverName) ? serverName : QDir::temp().filePath(serverName);
    return path + QStringLiteral(".lock");
}

} // namespace

QString SingleInstance::defaultServerName()
{
    const QString override = qEnvironmentVariable("CQRS_DESKTOP_INSTANCE");
    if (!override.isEmpty())
        return override;
#ifdef Q_OS_WIN
    // Named pipes are machine-wide: the user name keeps two people's sessions apart.
    return QStringLiteral("cqrs-desktop-") + qEnvironmentVariable("USERNAME");
#else
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (!runtime.isEmpty())
        return QDir(runtime).filePath(QStringLiteral("cqrs-desktop.socket"));
    return QStringLiteral("cqrs-desktop-") + qEnvironmentVariable("USER");
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

bool SingleInstance::tryBecomePrimary()
{
    return m_lock.tryLock(0);
}

void SingleInstance::listen()
{
    // We hold the lock, so any socket left there belongs to a crashed instance.
    QLocalServer::removeServer(m_serverName);
    m_server = std::make_unique<QLocalServer>();
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_serverName)) {
        qCWarning(lcInstance) << "Cannot listen for later launches:" << m_server->errorString();
        return;
    }
    connect(m_server.get(), &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = m_server->nextPendingConnection())
            serve(socket);
    });
}

void SingleInstance::serve(QLocalSocket *socket)
{
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
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

QString SingleInstance::request(const QString &serverName, const QString &line,
                                std::chrono::milliseconds timeout)
{
    QLocalSocket socket;
    socket.connectToServer(serverName);
    const int ms = static_cast<int>(timeout.count());
    if (!socket.waitForConnected(ms))
        return {};
    QString oneLine = line;
    oneLine.replace(QLatin1Char('\n'), QLatin1Char(' '));
    socket.write(oneLine.toUtf8() + '\n');
    if (!socket.waitForBytesWritten(ms))
        return {};
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(ms))
            return {};
    }
    return QString::fromUtf8(socket.readLine(MaxLineBytes)).trimmed();
}

bool SingleInstance::handOver(const QString &serverName, const QString &line,
                              std::chrono::milliseconds within)
{
    const QDeadlineTimer deadline(within);
    while (!deadline.hasExpired()) {
        const std::chrono::milliseconds rest(std::max<qint64>(deadline.remainingTime(), 1));
        if (request(serverName, line, rest) == QLatin1String("ok"))
            return true;
        QThread::msleep(20);
    }
    return false;
}

} // namespace cqrs::app
