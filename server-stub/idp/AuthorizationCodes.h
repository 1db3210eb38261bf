#pragma once

#include <QString>

#include <optional>

namespace cqrs::stub {

class Database;

// What an authorization code stands for until the token endpoint redeems it.
struct AuthorizationGrant
{
    QString email;
    QString clientId;
    QString redirectUri;
    QString codeChallenge; // PKCE S256
    QString nonce;
    bool offlineAccess = false; // "offline_access" was in the scope: a refresh token too
};

// Authorization codes: 256 random bits as base64url (so [A-Za-z0-9_-] only: nothing a client
// could mis-encode), kept only as a hash, short-lived and redeemable once.
class AuthorizationCodes
{
public:
    static constexpr qint64 LifetimeMs = 60 * 1000;

    explicit AuthorizationCodes(const Database &database);

    QString issue(const AuthorizationGrant &grant, qint64 nowMs) const;

    // The grant behind `code`, marking it used; std::nullopt when the code is unknown, expired
    // or was already redeemed. Two concurrent redemptions cannot both succeed.
    std::optional<AuthorizationGrant> redeem(const QString &code, qint64 nowMs) const;

private:
    const Database &m_database;
};

} // namespace cqrs::stub
