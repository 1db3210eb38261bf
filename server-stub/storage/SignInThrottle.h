#pragma once

#include <QString>

namespace cqrs::stub {

class Database;

// Consecutive sign-in failures and the lockout they lead to. Counted per User ID as typed
// (letter case folded), whether or not the user exists: an unknown User ID locks exactly like
// a real one, so the lockout answer reveals nothing.
//
// An attempt counts as a failure from the moment it begins until its password has been checked,
// so attempts made in parallel cannot get more guesses checked than the limit allows. Failures
// are forgotten once none has happened for the lockout time (and no lock is running), which
// also bounds the rows that sign-ins with made-up User IDs leave behind.
class SignInThrottle
{
public:
    struct Limits
    {
        int maxFailures = 5;
        qint64 lockoutMs = 15 * 60 * 1000;
    };

    // `table` has the shape of sign_in_failures: the stand-in identity provider keeps its own.
    SignInThrottle(const Database &database, Limits limits,
                   QString table = QStringLiteral("sign_in_failures"))
        : m_database(database)
        , m_limits(limits)
        , m_table(std::move(table))
    { }

    // Milliseconds until the lock ends; 0 when not locked.
    qint64 lockedForMs(QStringView userId, qint64 nowMs) const;
    // Before the password is checked: milliseconds of lock if the attempt is refused (locked,
    // or the limit already used up by attempts still in progress); otherwise 0, and the
    // attempt now counts as a failure.
    qint64 beginAttempt(QStringView userId, qint64 nowMs) const;
    // The password was wrong: milliseconds of lock if the account is now locked, otherwise 0.
    qint64 settleFailure(QStringView userId, qint64 nowMs) const;
    // The password was right: clears the count and returns 0, unless the account got locked
    // while it was being checked (milliseconds of lock; the sign-in is refused).
    qint64 settleSuccess(QStringView userId, qint64 nowMs) const;
    void clear(QStringView userId) const;

    static QString keyFor(QStringView userId);
    const Limits &limits() const { return m_limits; }

private:
    struct Row
    {
        int consecutive = 0;
        qint64 lockedForMs = 0;
    };
    Row read(const QString &key, qint64 nowMs) const;
    qint64 lock(const QString &key, qint64 nowMs) const;

    const Database &m_database;
    Limits m_limits;
    QString m_table;
};

} // namespace cqrs::stub
