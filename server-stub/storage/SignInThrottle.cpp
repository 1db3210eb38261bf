#include "SignInThrottle.h"

#include "Database.h"

namespace cqrs::stub {

QString SignInThrottle::keyFor(QStringView userId)
{
    return userId.toString().toCaseFolded();
}

qint64 SignInThrottle::lockedForMs(QStringView userId, qint64 nowMs) const
{
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT locked_until FROM sign_in_failures WHERE user_key = ?"),
        {keyFor(userId)});
    if (!query.next() || query.value(0).isNull())
        return 0;
    return std::max<qint64>(0, query.value(0).toLongLong() - nowMs);
}

qint64 SignInThrottle::recordFailure(QStringView userId, qint64 nowMs) const
{
    const QString key = keyFor(userId);
    Transaction transaction(m_database);
    // A lock that has run out starts a fresh count.
    m_database.exec(QStringLiteral("INSERT INTO sign_in_failures (user_key, consecutive) VALUES"
                                   " (?, 1) ON CONFLICT(user_key) DO UPDATE SET"
                                   " consecutive = CASE WHEN locked_until IS NOT NULL"
                                   " AND locked_until <= ? THEN 1 ELSE consecutive + 1 END,"
                                   " locked_until = CASE WHEN locked_until <= ? THEN NULL"
                                   " ELSE locked_until END"),
                    {key, nowMs, nowMs});
    QSqlQuery count = m_database.exec(
        QStringLiteral("SELECT consecutive FROM sign_in_failures WHERE user_key = ?"), {key});
    qint64 locked = 0;
    if (count.next() && count.value(0).toInt() >= m_limits.maxFailures) {
        m_database.exec(QStringLiteral("UPDATE sign_in_failures SET consecutive = 0,"
                                       " locked_until = ? WHERE user_key = ?"),
                        {nowMs + m_limits.lockoutMs, key});
        locked = m_limits.lockoutMs;
    }
    transaction.commit();
    return locked;
}

void SignInThrottle::clear(QStringView userId) const
{
    m_database.exec(QStringLiteral("DELETE FROM sign_in_failures WHERE user_key = ?"),
                    {keyFor(userId)});
}

} // namespace cqrs::stub
