#pragma once

#include <QString>

namespace cqrs::stub {

class Database;

// Consecutive sign-in failures and the lockout they lead to. Counted per User ID as typed
// (letter case folded), whether or not the user exists: an unknown User ID locks exactly like
// a real one, so the lockout answer reveals nothing.
class SignInThrottle
{
public:
    struct Limits
    {
        int maxFailures = 5;
        qint64 lockoutMs = 15 * 60 * 1000;
    };

    SignInThrottle(const Database &database, Limits limits)
        : m_database(database)
        , m_limits(limits)
    { }

    // Milliseconds until the lock ends; 0 when not locked.
    qint64 lockedForMs(QStringView userId, qint64 nowMs) const;
    // Counts one failure; returns the lock's length when this failure locked the account.
    qint64 recordFailure(QStringView userId, qint64 nowMs) const;
    void clear(QStringView userId) const;

    static QString keyFor(QStringView userId);

private:
    const Database &m_database;
    Limits m_limits;
};

} // namespace cqrs::stub
