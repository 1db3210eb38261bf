#include "server-stub/idp/AuthorizationCodes.h"

#include "server-stub/idp/IdpSchema.h"
#include "server-stub/storage/Database.h"
#include "server-stub/storage/SingleUseTokens.h"

#include "core/crypto/SecretToken.h"

namespace cqrs::stub {

AuthorizationCodes::AuthorizationCodes(const Database &database)
    : m_database(database)
{
    Migrations::apply(m_database, Idp::schema());
}

QString AuthorizationCodes::issue(const AuthorizationGrant &grant, qint64 nowMs) const
{
    QString code = SecretToken::generate();
    m_database.exec(QStringLiteral("INSERT INTO idp_codes (code_hash, email, client_id,"
                                   " redirect_uri, code_challenge, nonce, offline_access,"
                                   " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                    {QString::fromLatin1(SecretToken::storageHash(code)), grant.email,
                     grant.clientId, grant.redirectUri, grant.codeChallenge, grant.nonce,
                     grant.offlineAccess ? 1 : 0, nowMs + LifetimeMs});
    return code;
}

std::optional<AuthorizationGrant> AuthorizationCodes::redeem(const QString &code,
                                                             qint64 nowMs) const
{
    if (!SecretToken::isWellFormed(code))
        return std::nullopt;
    const QString hash = QString::fromLatin1(SecretToken::storageHash(code));
    Transaction transaction(m_database);
    static const SingleUseTokens codes {QStringLiteral("idp_codes"), QStringLiteral("code_hash")};
    if (!codes.spend(m_database, hash, nowMs))
        return std::nullopt;
    QSqlQuery row = m_database.exec(
        QStringLiteral("SELECT email, client_id, redirect_uri, code_challenge, nonce,"
                       " offline_access FROM idp_codes WHERE code_hash = ?"),
        {hash});
    if (!row.next())
        return std::nullopt;
    transaction.commit();
    return AuthorizationGrant {row.value(0).toString(), row.value(1).toString(),
                               row.value(2).toString(), row.value(3).toString(),
                               row.value(4).toString(), row.value(5).toInt() != 0};
}

} // namespace cqrs::stub
