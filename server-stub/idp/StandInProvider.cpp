#include "server-stub/idp/StandInProvider.h"

#include "server-stub/service/Backend.h"

#include "core/crypto/SecureRandom.h"
#include "core/oidc/token/JsonWebToken.h"

#include <QJsonArray>

namespace cqrs::stub {

StandInProvider::StandInProvider(Backend &backend)
    : m_backend(backend)
    , m_key(IdpSigningKey::loadOrCreate(backend.database(), backend.clock().nowMs()))
    , m_accounts(backend.database(), backend.hashing(), backend.settings().lockout)
    , m_codes(backend.database())
    , m_refreshTokens(backend.database())
{ }

QString StandInProvider::issuer() const
{
    return m_backend.settings().publicUrl + QLatin1String("/idp");
}

QJsonObject StandInProvider::discoveryDocument() const
{
    const QString base = issuer();
    const auto list = [](const char *value) {
        return QJsonArray {QString::fromLatin1(value)};
    };
    return {{QStringLiteral("issuer"), base},
            {QStringLiteral("authorization_endpoint"), base + QLatin1String("/authorize")},
            {QStringLiteral("token_endpoint"), base + QLatin1String("/token")},
            {QStringLiteral("jwks_uri"), base + QLatin1String("/jwks")},
            {QStringLiteral("response_types_supported"), list("code")},
            {QStringLiteral("grant_types_supported"),
             QJsonArray {QStringLiteral("authorization_code"), QStringLiteral("refresh_token")}},
            {QStringLiteral("subject_types_supported"), list("public")},
            {QStringLiteral("id_token_signing_alg_values_supported"), list("RS256")},
            {QStringLiteral("code_challenge_methods_supported"), list("S256")},
            {QStringLiteral("token_endpoint_auth_methods_supported"), list("none")},
            {QStringLiteral("scopes_supported"),
             QJsonArray {QStringLiteral("openid"), QStringLiteral("email"),
                         QStringLiteral("profile"), QStringLiteral("offline_access")}},
            {QStringLiteral("claims_supported"),
             QJsonArray {QStringLiteral("sub"), QStringLiteral("email"), QStringLiteral("name"),
                         QStringLiteral("preferred_username"), QStringLiteral("nonce")}}};
}

QByteArray StandInProvider::idTokenFor(const IdpAccount &account, const QString &clientId,
                                       const QString &nonce) const
{
    const qint64 now = m_backend.clock().nowMs() / 1000;
    QJsonObject claims {{QStringLiteral("iss"), issuer()},
                        {QStringLiteral("sub"), account.subject},
                        {QStringLiteral("aud"), clientId},
                        {QStringLiteral("iat"), now},
                        {QStringLiteral("exp"), now + IdTokenLifetimeSeconds},
                        {QStringLiteral("email"), account.email},
                        {QStringLiteral("preferred_username"), account.email},
                        {QStringLiteral("name"), account.displayName},
                        // Two sign-ins in the same second must not give byte-identical tokens:
                        // the API spends each id_token once, by its hash.
                        {QStringLiteral("jti"), SecureRandom::base64Url(16)}};
    if (!nonce.isEmpty())
        claims.insert(QStringLiteral("nonce"), nonce);
    return JsonWebToken::signRs256(claims, m_key.keyId(), m_key.privateKey());
}

std::optional<IdpAccount> StandInProvider::account(const QString &email) const
{
    return m_accounts.find(email);
}

} // namespace cqrs::stub
