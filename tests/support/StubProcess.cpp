#include "tests/support/StubProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTest>

QString StubProcess::binary()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("CQRS_SERVER_STUB"));
}

StubProcess::StubProcess(QStringList extraArguments)
    : m_extraArguments(std::move(extraArguments))
{ }

StubProcess::~StubProcess()
{
    // SIGTERM, as a person stopping it would; SIGKILL only if that hangs, so teardown never does.
    if (!isRunning())
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(3000))
        kill();
}

bool StubProcess::start(const QStringList &moreArguments)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(binary());
    m_process->setArguments(QStringList {QStringLiteral("serve"), QStringLiteral("--db"),
                                         databasePath(), QStringLiteral("--outbox"), outboxPath(),
                                         QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                         QStringLiteral("--admin-key"), adminKey()}
                            + m_extraArguments + moreArguments);
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        qWarning("cannot start %s", qPrintable(binary()));
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("^listening on (\\S+)$"),
                                              QRegularExpression::MultilineOption);
    QByteArray out;
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(200);
        out += m_process->readAllStandardOutput();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(out));
        if (match.hasMatch()) {
            m_baseUrl = match.captured(1);
            return true;
        }
    }
    qWarning("the stub did not report its address: %s %s", out.constData(),
             m_process->readAllStandardError().constData());
    return false;
}

void StubProcess::kill()
{
    m_log += m_process->readAllStandardError();
    m_process->kill();
    m_process->waitForFinished(10000);
}

bool StubProcess::stop()
{
    if (!m_process)
        return false;
    m_process->terminate();
    const bool finished = m_process->waitForFinished(15000);
    m_log += m_process->readAllStandardError();
    return finished && m_process->exitStatus() == QProcess::NormalExit
        && m_process->exitCode() == 0;
}

bool StubProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

qint64 StubProcess::peakMemoryKiB() const
{
    if (!isRunning())
        return 0;
    QFile status(QStringLiteral("/proc/%1/status").arg(m_process->processId()));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return 0;
}

QUrl StubProcess::url(const QString &path) const
{
    return QUrl(m_baseUrl + path);
}

QString StubProcess::log()
{
    if (m_process)
        m_log += m_process->readAllStandardError();
    return QString::fromUtf8(m_log);
}

int StubProcess::runCommand(const QStringList &arguments, QString *out, QString *err) const
{
    QProcess process;
    process.start(binary(), arguments);
    process.waitForFinished(30000);
    if (out)
        *out = QString::fromUtf8(process.readAllStandardOutput());
    if (err)
        *err = QString::fromUtf8(process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}
