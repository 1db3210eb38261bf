#include "server-stub/idp/RefreshTokens.h"

#include "server-stub/idp/IdpSchema.h"
#include "server-stub/storage/Database.h"
#include "server-stub/storage/SingleUseTokens.h"

#include "core/crypto/SecretToken.h"
#include "core/crypto/SecureRandom.h"

namespace cqrs::stub {

RefreshTokens::RefreshTokens(const Database &database)
    : m_database(database)
{
    Migrations::apply(m_database, Idp::schema());
}

QString RefreshTokens::newFamily()
{
    return SecureRandom::base64Url(16);
}

QString RefreshTokens::issue(const QString &email, const QString &clientId, const QString &family,
                             qint64 nowMs) const
{
    QString token = SecretToken::generate();
    m_database.exec(QStringLiteral("INSERT INTO idp_refresh_tokens"
                                   " (token_hash, email, client_id, family_id, expires_at)"
                                   " VALUES (?, ?, ?, ?, ?)"),
                    {QString::fromLatin1(SecretToken::storageHash(token)), email, clientId, family,
                     nowMs + LifetimeMs});
    return token;
}

std::optional<RefreshTokens::Redeemed>
RefreshTokens::redeem(const QString &token, const QString &clientId, qint64 nowMs) const
{
    if (!SecretToken::isWellFormed(token))
        return std::nullopt;
    const QString hash = QString::fromLatin1(SecretToken::storageHash(token));
    Transaction transaction(m_database);
    QSqlQuery row = m_database.exec(
        QStringLiteral("SELECT email, family_id, client_id, expires_at, used_at, revoked_at"
                       " FROM idp_refresh_tokens WHERE token_hash = ?"),
        {hash});
    if (!row.next())
        return std::nullopt;
    const Redeemed redeemed {row.value(0).toString(), row.value(1).toString()};
    if (!row.value(4).isNull()) {
        m_database.exec(QStringLiteral("UPDATE idp_refresh_tokens SET revoked_at = ?"
                                       " WHERE family_id = ? AND revoked_at IS NULL"),
                        {nowMs, redeemed.family});
        transaction.commit();
        return std::nullopt;
    }
    if (!row.value(5).isNull() || row.value(3).toLongLong() <= nowMs
        || row.value(2).toString() != clientId)
        return std::nullopt;
    static const SingleUseTokens tokens {QStringLiteral("idp_refresh_tokens"),
                                         QStringLiteral("token_hash")};
    if (!tokens.spend(m_database, hash, nowMs))
        return std::nullopt;
    transaction.commit();
    return redeemed;
}

} // namespace cqrs::stub
