#include "server-stub/storage/SignInThrottle.h"

#include "server-stub/storage/Database.h"

namespace cqrs::stub {

QString SignInThrottle::keyFor(QStringView userId)
{
    return userId.toString().toCaseFolded();
}

SignInThrottle::Row SignInThrottle::read(const QString &key, qint64 nowMs) const
{
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT consecutive, in_progress, locked_until FROM %1 WHERE user_key = ?")
            .arg(m_table),
        {key});
    Row row;
    if (!query.next())
        return row;
    row.failures = query.value(0).toInt();
    row.inProgress = query.value(1).toInt();
    if (!query.value(2).isNull()) {
        row.lockedForMs = std::max<qint64>(0, query.value(2).toLongLong() - nowMs);
        // A lock that has run out starts a fresh count.
        if (row.lockedForMs == 0)
            row.failures = 0;
    }
    return row;
}

qint64 SignInThrottle::lock(const QString &key, qint64 nowMs) const
{
    m_database.exec(QStringLiteral("UPDATE %1 SET consecutive = 0,"
                                   " locked_until = ? WHERE user_key = ?")
                        .arg(m_table),
                    {nowMs + m_limits.lockoutMs, key});
    return m_limits.lockoutMs;
}

void SignInThrottle::endAttempt(const QString &key) const
{
    m_database.exec(QStringLiteral("UPDATE %1 SET in_progress = MAX(in_progress - 1, 0)"
                                   " WHERE user_key = ?")
                        .arg(m_table),
                    {key});
}

void SignInThrottle::forget(const QString &key) const
{
    m_database.exec(QStringLiteral("UPDATE %1 SET consecutive = 0, locked_until = NULL"
                                   " WHERE user_key = ?")
                        .arg(m_table),
                    {key});
    // Attempts still in progress keep the row: they must go on counting until settled.
    m_database.exec(
        QStringLiteral("DELETE FROM %1 WHERE user_key = ? AND in_progress = 0").arg(m_table),
        {key});
}

qint64 SignInThrottle::lockedForMs(QStringView userId, qint64 nowMs) const
{
    return read(keyFor(userId), nowMs).lockedForMs;
}

SignInThrottle::Start SignInThrottle::beginAttempt(QStringView userId, qint64 nowMs) const
{
    const QString key = keyFor(userId);
    Transaction transaction(m_database);
    // Any User ID at all gets a row, so rows are forgotten when they no longer count: no lock,
    // no attempt in progress, and no failure for as long as a lock lasts. The same rule for
    // every ID, known or not.
    m_database.exec(QStringLiteral("DELETE FROM %1 WHERE last_failure_at <= ? AND in_progress = 0"
                                   " AND (locked_until IS NULL OR locked_until <= ?)")
                        .arg(m_table),
                    {nowMs - m_limits.lockoutMs, nowMs});
    const Row row = read(key, nowMs);
    Start start;
    if (row.lockedForMs) {
        start = {Start::Kind::Locked, row.lockedForMs};
    } else if (row.failures >= m_limits.maxFailures) {
        // Failures confirmed while the server allowed more than it does now.
        start = {Start::Kind::Locked, lock(key, nowMs)};
    } else if (row.failures + row.inProgress >= m_limits.maxFailures) {
        start.kind = Start::Kind::Busy;
    } else {
        m_database.exec(QStringLiteral("INSERT INTO %1 (user_key, consecutive, in_progress)"
                                       " VALUES (?, ?, 1) ON CONFLICT(user_key) DO UPDATE SET"
                                       " consecutive = excluded.consecutive, locked_until = NULL,"
                                       " in_progress = in_progress + 1")
                            .arg(m_table),
                        {key, row.failures});
    }
    transaction.commit();
    return start;
}

SignInThrottle::Failure SignInThrottle::settleFailure(QStringView userId, qint64 nowMs) const
{
    const QString key = keyFor(userId);
    Transaction transaction(m_database);
    const Row row = read(key, nowMs);
    endAttempt(key);
    Failure failure;
    if (row.lockedForMs) {
        // Another attempt locked it meanwhile, and that one counts as the lock's cause.
        failure.lockedForMs = row.lockedForMs;
    } else {
        const int failures = row.failures + 1;
        m_database.exec(QStringLiteral("INSERT INTO %1 (user_key, consecutive, last_failure_at)"
                                       " VALUES (?, ?, ?) ON CONFLICT(user_key) DO UPDATE SET"
                                       " consecutive = excluded.consecutive, locked_until = NULL,"
                                       " last_failure_at = excluded.last_failure_at")
                            .arg(m_table),
                        {key, failures, nowMs});
        if (failures >= m_limits.maxFailures)
            failure = {lock(key, nowMs), true};
    }
    transaction.commit();
    return failure;
}

qint64 SignInThrottle::settleSuccess(QStringView userId, qint64 nowMs) const
{
    const QString key = keyFor(userId);
    Transaction transaction(m_database);
    const qint64 locked = read(key, nowMs).lockedForMs;
    endAttempt(key);
    if (!locked)
        forget(key);
    transaction.commit();
    return locked;
}

void SignInThrottle::clear(QStringView userId) const
{
    Transaction transaction(m_database);
    forget(keyFor(userId));
    transaction.commit();
}

void SignInThrottle::forgetAttemptsInProgress() const
{
    m_database.exec(
        QStringLiteral("UPDATE %1 SET in_progress = 0 WHERE in_progress > 0").arg(m_table));
}

} // namespace cqrs::stub
