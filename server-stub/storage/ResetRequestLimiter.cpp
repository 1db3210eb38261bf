#include "server-stub/storage/ResetRequestLimiter.h"

#include "server-stub/storage/Database.h"
#include "server-stub/storage/SignInThrottle.h"

namespace cqrs::stub {

bool ResetRequestLimiter::allow(QStringView userId, qint64 nowMs) const
{
    const QString key = SignInThrottle::keyFor(userId);
    Transaction transaction(m_database);
    m_database.exec(QStringLiteral("DELETE FROM reset_requests WHERE requested_at <= ?"),
                    {nowMs - WindowMs});
    QSqlQuery count = m_database.exec(
        QStringLiteral("SELECT COUNT(*) FROM reset_requests WHERE user_key = ?"), {key});
    QSqlQuery total = m_database.exec(QStringLiteral("SELECT COUNT(*) FROM reset_requests"));
    const bool allowed = count.next() && count.value(0).toInt() < MaxPerWindow && total.next()
        && total.value(0).toInt() < MaxRowsPerWindow;
    if (allowed) {
        m_database.exec(
            QStringLiteral("INSERT INTO reset_requests (user_key, requested_at) VALUES (?, ?)"),
            {key, nowMs});
    }
    transaction.commit();
    return allowed;
}

} // namespace cqrs::stub
