#include "server-stub/storage/SessionStore.h"

#include "core/crypto/SecretToken.h"
#include "server-stub/storage/Database.h"

namespace cqrs::stub {

namespace {

QString hashOf(QStringView token)
{
    return QString::fromLatin1(SecretToken::storageHash(token));
}

} // namespace

SessionStore::Issued SessionStore::create(const QString &userId, qint64 nowMs) const
{
    // Ended sessions are forgotten here, so the table holds at most the live ones.
    m_database.exec(
        QStringLiteral("DELETE FROM sessions WHERE last_seen_at <= ? OR absolute_expires_at <= ?"),
        {nowMs - m_lifetimes.idleMs, nowMs});
    Issued issued {SecretToken::generate(), nowMs + m_lifetimes.absoluteMs};
    m_database.exec(QStringLiteral("INSERT INTO sessions (token_hash, user_id, created_at,"
                                   " last_seen_at, absolute_expires_at) VALUES (?, ?, ?, ?, ?)"),
                    {hashOf(issued.token), userId, nowMs, nowMs, issued.expiresAtMs});
    return issued;
}

std::optional<QString> SessionStore::authenticate(QStringView token, qint64 nowMs) const
{
    if (!SecretToken::isWellFormed(token))
        return std::nullopt;
    const QString hash = hashOf(token);
    QSqlQuery touch = m_database.exec(
        QStringLiteral("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?"
                       " AND revoked_at IS NULL AND absolute_expires_at > ? AND last_seen_at > ?"),
        {nowMs, hash, nowMs, nowMs - m_lifetimes.idleMs});
    if (touch.numRowsAffected() != 1)
        return std::nullopt;
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT user_id FROM sessions WHERE token_hash = ?"), {hash});
    if (!query.next())
        return std::nullopt;
    return query.value(0).toString();
}

bool SessionStore::revoke(QStringView token, qint64 nowMs) const
{
    if (!authenticate(token, nowMs))
        return false;
    m_database.exec(QStringLiteral("UPDATE sessions SET revoked_at = ? WHERE token_hash = ?"),
                    {nowMs, hashOf(token)});
    return true;
}

void SessionStore::revokeAllFor(const QString &userId, QStringView keptToken, qint64 nowMs) const
{
    m_database.exec(QStringLiteral("UPDATE sessions SET revoked_at = ? WHERE user_id = ?"
                                   " AND revoked_at IS NULL AND token_hash <> ?"),
                    {nowMs, userId, keptToken.isEmpty() ? QStringLiteral("-") : hashOf(keptToken)});
}

} // namespace cqrs::stub
