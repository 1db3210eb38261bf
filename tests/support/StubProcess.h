#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

// The real cqrs-server-stub (path in CQRS_SERVER_STUB) on an ephemeral loopback port, with a
// database and outbox in a temporary folder that outlives restarts of the process, and the
// admin API always on (adminKey()). Extra `serve` arguments choose the rest: --dev for the
// test endpoints (the default), --idp for the stand-in NHSmail, policy or rate-limit options.
class StubProcess
{
public:
    static QString binary();
    static QString adminKey() { return QStringLiteral("test-admin-key-0123456789"); }

    explicit StubProcess(QStringList extraArguments = {QStringLiteral("--dev")});
    ~StubProcess();

    // Starts `serve` (with `moreArguments` this time only) and waits for its "listening on URL"
    // line; false (with a QWARN) if the process did not get that far.
    bool start(const QStringList &moreArguments = {});
    void kill(); // SIGKILL, as a crash would
    bool stop(); // SIGTERM, and waits for a clean exit
    bool isRunning() const;
    // The server's peak resident memory so far (VmHWM), in KiB; 0 if it is not running.
    qint64 peakMemoryKiB() const;

    // The address it listens on, with `path` appended ("/api/v1/..."); empty path, the server.
    QUrl url(const QString &path = {}) const;
    QString databasePath() const { return m_dir.filePath(QStringLiteral("stub.sqlite")); }
    QString outboxPath() const { return m_dir.filePath(QStringLiteral("outbox")); }
    // Everything the process wrote to stderr (the request log) so far.
    QString log();

    // Runs a command-line subcommand on the same database; returns exit code, output in *out.
    int runCommand(const QStringList &arguments, QString *out = nullptr,
                   QString *err = nullptr) const;

private:
    QTemporaryDir m_dir;
    QStringList m_extraArguments;
    std::unique_ptr<QProcess> m_process;
    QString m_baseUrl;
    QByteArray m_log;
};
