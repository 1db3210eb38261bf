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
        QStringLiteral("SELECT consecutive, locked_until FROM %1 WHERE user_key = ?").arg(m_table),
        {key});
    Row row;
    if (!query.next())
        return row;
    row.consecutive = query.value(0).toInt();
    if (!query.value(1).isNull()) {
        row.lockedForMs = std::max<qint64>(0, query.value(1).toLongLong() - nowMs);
        // A lock that has run out starts a fresh count.
        if (row.lockedForMs == 0)
            row.consecutive = 0;
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

qint64 SignInThrottle::lockedForMs(QStringView userId, qint64 nowMs) const
{
    return read(keyFor(userId), nowMs).lockedForMs;
}

qint64 SignInThrottle::beginAttempt(QStringView userId, qint64 nowMs) const
{
    const QString key = keyFor(userId);
    Transaction transaction(m_database);
    // Any User ID at all gets a row, so rows are forgotten when they no longer count: no lock,
    // and no failure for as long as a lock lasts. The same rule for every ID, known or not.
    m_database.exec(QStringLiteral("DELETE FROM %1 WHERE last_failure_at <= ?"
                                   " AND (locked_until IS NULL OR locked_until <= ?)")
                        .arg(m_table),
                    {nowMs - m_limits.lockoutMs, nowMs});
    const Row row = read(key, nowMs);
    qint64 locked = row.lockedForMs;
    if (!locked && row.consecutive >= m_limits.maxFailures) {
        locked = lock(key, nowMs);
    } else if (!locked) {
        m_database.exec(QStringLiteral("INSERT INTO %1 (user_key, consecutive, last_failure_at)"
                                       " VALUES (?, ?, ?) ON CONFLICT(user_key) DO UPDATE SET"
                                       " consecutive = excluded.consecutive, locked_until = NULL,"
                                       " last_failure_at = excluded.last_failure_at")
                            .arg(m_table),
                        {key, row.consecutive + 1, nowMs});
    }
    transaction.commit();
    return locked;
}

qint64 SignInThrottle::settleFailure(QStringView userId, qint64 nowMs) const
{
    const QString key = keyFor(userId);
    Transaction transaction(m_database);
    const Row row = read(key, nowMs);
    qint64 locked = row.lockedForMs;
    if (!locked && row.consecutive >= m_limits.maxFailures)
        locked = lock(key, nowMs);
    transaction.commit();
    return locked;
}

qint64 SignInThrottle::settleSuccess(QStringView userId, qint64 nowMs) const
{
    const QString key = keyFor(userId);
    Transaction transaction(m_database);
    const qint64 locked = read(key, nowMs).lockedForMs;
    if (!locked)
        clear(userId);
    transaction.commit();
    return locked;
}

void SignInThrottle::clear(QStringView userId) const
{
    m_database.exec(QStringLiteral("DELETE FROM %1 WHERE user_key = ?").arg(m_table),
                    {keyFor(userId)});
}

} // namespace cqrs::stub
