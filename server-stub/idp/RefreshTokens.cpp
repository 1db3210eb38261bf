#include "server-stub/idp/RefreshTokens.h"

#include "server-stub/idp/IdpSchema.h"
#include "server-stub/storage/Database.h"

#include "core/crypto/SecretToken.h"

namespace cqrs::stub {

RefreshTokens::RefreshTokens(const Database &database)
    : m_database(database)
{
    Migrations::apply(m_database, Idp::schema());
}

QString RefreshTokens::issue(const QString &email, const QString &clientId, qint64 nowMs) const
{
    const QString token = SecretToken::generate();
    m_database.exec(
        QStringLiteral("INSERT INTO idp_refresh_tokens"
                       " (token_hash, email, client_id, expires_at) VALUES (?, ?, ?, ?)"),
        {QString::fromLatin1(SecretToken::storageHash(token)), email, clientId,
         nowMs + LifetimeMs});
    return token;
}

std::optional<QString> RefreshTokens::redeem(const QString &token, const QString &clientId,
                                             qint64 nowMs) const
{
    if (!SecretToken::isWellFormed(token))
        return std::nullopt;
    const QString hash = QString::fromLatin1(SecretToken::storageHash(token));
    Transaction transaction(m_database);
    const QSqlQuery used = m_database.exec(
        QStringLiteral("UPDATE idp_refresh_tokens SET used_at = ? WHERE token_hash = ?"
                       " AND client_id = ? AND used_at IS NULL AND expires_at > ?"),
        {nowMs, hash, clientId, nowMs});
    if (used.numRowsAffected() != 1)
        return std::nullopt;
    QSqlQuery row = m_database.exec(
        QStringLiteral("SELECT email FROM idp_refresh_tokens WHERE token_hash = ?"), {hash});
    if (!row.next())
        return std::nullopt;
    transaction.commit();
    return row.value(0).toString();
}

} // namespace cqrs::stub
