#pragma once

#include "server-stub/idp/AuthorizationCodes.h"
#include "server-stub/idp/IdpAccounts.h"
#include "server-stub/idp/IdpSigningKey.h"
#include "server-stub/idp/RefreshTokens.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace cqrs::stub {

class Backend;

// The stand-in "NHSmail": an OpenID provider at <public URL>/idp with one public client,
// "cqrs-desktop", its own accounts, and an RS256 key kept in the database.
class StandInProvider
{
public:
    static constexpr qint64 IdTokenLifetimeSeconds = 10 * 60;

    static QString clientId() { return QStringLiteral("cqrs-desktop"); }

    explicit StandInProvider(Backend &backend);

    // <public URL>/idp: known only once the server has bound its port, so asked each time.
    QString issuer() const;
    QJsonObject discoveryDocument() const;

    const IdpSigningKey &signingKey() const { return m_key; }
    const IdpAccounts &accounts() const { return m_accounts; }
    const AuthorizationCodes &codes() const { return m_codes; }
    const RefreshTokens &refreshTokens() const { return m_refreshTokens; }

    // A refreshed token has no nonce: it answers no authorization request.
    QByteArray idTokenFor(const IdpAccount &account, const QString &clientId,
                          const QString &nonce = {}) const;
    std::optional<IdpAccount> account(const QString &email) const;

private:
    Backend &m_backend;
    IdpSigningKey m_key;
    IdpAccounts m_accounts;
    AuthorizationCodes m_codes;
    RefreshTokens m_refreshTokens;
};

} // namespace cqrs::stub
