#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <stdexcept>

namespace cqrs::stub {

// A storage failure the request cannot recover from (disk full, corrupt file): answered 500.
class StorageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// The stub's SQLite file, shared by every worker thread. Qt SQL connections belong to the
// thread that opened them, so each thread gets its own connection to the same file, opened on
// first use; WAL lets readers run while one writer commits.
class Database
{
public:
    // Opens (creating if needed) and brings the core schema up to date. Throws StorageError.
    explicit Database(QString path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const QString &path() const { return m_path; }

    // This thread's connection.
    QSqlDatabase connection() const;

    // Prepares, binds `values` in order and runs `sql`; throws StorageError on failure.
    QSqlQuery exec(const QString &sql, const QVariantList &values = {}) const;

private:
    QString m_path;
    QString m_connectionPrefix;
};

// A write transaction: BEGIN IMMEDIATE takes the write lock at the start, so two writers never
// deadlock upgrading a read lock. Rolled back unless commit() is reached. Nested transactions
// on the same thread become savepoints of the outer one.
class Transaction
{
public:
    explicit Transaction(const Database &database);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();

private:
    const Database &m_database;
    int m_depth;
    bool m_open = true;
};

} // namespace cqrs::stub
