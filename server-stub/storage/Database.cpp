#include "server-stub/storage/Database.h"

#include "server-stub/storage/Migrations.h"

#include <QSqlError>
#include <QThread>

#include <atomic>
#include <map>

namespace cqrs::stub {

namespace {

// Removes this thread's connections when the thread ends, so a connection is never used by a
// later thread that happens to get the same id.
class ThreadConnections
{
public:
    ~ThreadConnections()
    {
        for (const QString &name : m_names)
            QSqlDatabase::removeDatabase(name);
    }
    void remember(const QString &name) { m_names.append(name); }

private:
    QStringList m_names;
};

thread_local ThreadConnections threadConnections;

// Names each Database's connections: not its address, which a later Database may reuse and then
// be handed the connections to the earlier one's file.
std::atomic<quint64> databasesMade {0};

void check(bool ok, const QSqlQuery &query, const char *what)
{
    if (!ok) {
        throw StorageError(std::string(what) + ": " + query.lastError().text().toStdString());
    }
}

} // namespace

Database::Database(QString path)
    : m_path(std::move(path))
    , m_connectionPrefix(QStringLiteral("cqrs-stub-%1-").arg(++databasesMade))
{
    exec(QStringLiteral("PRAGMA journal_mode=WAL"));
    Migrations::apply(*this, Migrations::core());
}

Database::~Database() = default;

QSqlDatabase Database::connection() const
{
    const QString name = m_connectionPrefix
        + QString::number(reinterpret_cast<quintptr>(QThread::currentThreadId()));
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    // Writers queue for the lock instead of failing at once.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open()) {
        const QString error = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        throw StorageError("cannot open the database: " + error.toStdString());
    }
    threadConnections.remember(name);
    QSqlQuery pragmas(db);
    // FULL: a commit reported to a client survives a crash of the process or the machine.
    check(pragmas.exec(QStringLiteral("PRAGMA synchronous=FULL")), pragmas, "synchronous");
    check(pragmas.exec(QStringLiteral("PRAGMA foreign_keys=ON")), pragmas, "foreign_keys");
    return db;
}

QSqlQuery Database::exec(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(connection());
    check(query.prepare(sql), query, "prepare");
    for (const QVariant &value : values)
        query.addBindValue(value);
    check(query.exec(), query, "exec");
    return query;
}

// Transactions nest through savepoints, so a step that commits on its own (sending a link)
// can also be part of a larger change (creating a user and sending the link).
thread_local int transactionDepth = 0;

Transaction::Transaction(const Database &database)
    : m_database(database)
    , m_depth(transactionDepth)
{
    m_database.exec(m_depth == 0 ? QStringLiteral("BEGIN IMMEDIATE")
                                 : QStringLiteral("SAVEPOINT nested%1").arg(m_depth));
    ++transactionDepth;
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    --transactionDepth;
    QSqlQuery rollback(m_database.connection());
    if (m_depth == 0) {
        rollback.exec(QStringLiteral("ROLLBACK"));
    } else {
        rollback.exec(QStringLiteral("ROLLBACK TO nested%1").arg(m_depth));
        rollback.exec(QStringLiteral("RELEASE nested%1").arg(m_depth));
    }
}

void Transaction::commit()
{
    m_database.exec(m_depth == 0 ? QStringLiteral("COMMIT")
                                 : QStringLiteral("RELEASE nested%1").arg(m_depth));
    m_open = false;
    --transactionDepth;
}

} // namespace cqrs::stub
