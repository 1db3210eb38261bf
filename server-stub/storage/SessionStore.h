#pragma once

#include <QString>

#include <optional>

namespace cqrs::stub {

class Database;

// Signed-in sessions (docs/design.md §3): a 256-bit bearer token kept only as its hash, ended by
// inactivity (idle expiry), by age (absolute expiry) or by signing out.
class SessionStore
{
public:
    struct Lifetimes
    {
        qint64 idleMs = 30 * 60 * 1000;
        qint64 absoluteMs = 12 * 60 * 60 * 1000;
    };

    struct Issued
    {
        QString token;
        qint64 expiresAtMs = 0; // the absolute expiry; idle expiry comes sooner without use
    };

    SessionStore(const Database &database, Lifetimes lifetimes)
        : m_database(database)
        , m_lifetimes(lifetimes)
    { }

    const Lifetimes &lifetimes() const { return m_lifetimes; }

    Issued create(const QString &userId, qint64 nowMs) const;

    // The signed-in User ID for a live session, which counts as activity.
    std::optional<QString> authenticate(QStringView token, qint64 nowMs) const;

    // False when the session was not live.
    bool revoke(QStringView token, qint64 nowMs) const;

    // Ends every session of the user except `keptToken` (may be empty): after a password
    // change, whoever knew the old password is signed out everywhere else.
    void revokeAllFor(const QString &userId, QStringView keptToken, qint64 nowMs) const;

private:
    const Database &m_database;
    Lifetimes m_lifetimes;
};

} // namespace cqrs::stub
