#pragma once

#include <QString>

#include <optional>

namespace cqrs::stub {

class Database;

// The stand-in provider's refresh tokens: random, kept only as a hash, and rotated (RFC 9700
// §4.14.2): each use returns a new one and retires the old. All the tokens rotated from one
// authorization form a family; a retired token presented again means two parties hold the
// family (the person and whoever copied a token), so the whole family is revoked and both have
// to sign in again.
class RefreshTokens
{
public:
    static constexpr qint64 LifetimeMs = 7LL * 24 * 60 * 60 * 1000;

    struct Redeemed
    {
        QString email;
        QString family;
    };

    explicit RefreshTokens(const Database &database);

    // The family of the tokens descending from a new authorization.
    static QString newFamily();

    QString issue(const QString &email, const QString &clientId, const QString &family,
                  qint64 nowMs) const;
    // The account and family when `token` is live and was issued to `clientId`; retires it.
    // A retired token revokes its family.
    std::optional<Redeemed> redeem(const QString &token, const QString &clientId,
                                   qint64 nowMs) const;

private:
    const Database &m_database;
};

} // namespace cqrs::stub
