#pragma once

#include <QString>

#include <optional>

namespace cqrs::stub {

class Database;

// The stand-in provider's refresh tokens: random, kept only as a hash, and rotated (RFC 9700
// §4.14.2): each use returns a new one and retires the old, so a stolen copy works once at most.
class RefreshTokens
{
public:
    static constexpr qint64 LifetimeMs = 7LL * 24 * 60 * 60 * 1000;

    explicit RefreshTokens(const Database &database);

    QString issue(const QString &email, const QString &clientId, qint64 nowMs) const;
    // The account's email when `token` is live and was issued to `clientId`; retires it.
    std::optional<QString> redeem(const QString &token, const QString &clientId,
                                  qint64 nowMs) const;

private:
    const Database &m_database;
};

} // namespace cqrs::stub
