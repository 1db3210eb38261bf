#pragma once

#include <QString>

namespace cqrs::stub {

class Database;

// Consecutive sign-in failures and the lockout they lead to. Counted per User ID as typed
// (letter case folded), whether or not the user exists: an unknown User ID locks exactly like
// a real one, so the lockout answer reveals nothing.
//
// Only confirmed failures lead to the lock. Attempts still being checked are counted apart: an
// attempt may start only while the confirmed failures plus those in progress are under the
// limit, so attempts made in parallel cannot get more guesses checked than the limit allows,
// and the one refused for that is merely asked to wait (a person signing in twice at once with
// the right password must not lock themselves out). Failures are forgotten once none has
// happened for the lockout time (and no lock is running), which also bounds the rows that
// sign-ins with made-up User IDs leave behind.
class SignInThrottle
{
public:
    struct Limits
    {
        int maxFailures = 5;
        qint64 lockoutMs = 15 * 60 * 1000;
    };

    // Before the password is checked.
    struct Start
    {
        enum class Kind {
            Go, // check the password, then settle the attempt
            Busy, // the limit is taken by attempts still being checked: try again shortly
            Locked,
        };
        Kind kind = Kind::Go;
        qint64 lockedForMs = 0; // when locked
    };

    // After a wrong password.
    struct Failure
    {
        qint64 lockedForMs = 0; // 0 when not locked
        bool lockedNow = false; // this failure locked the account; it was not locked before
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
    // When it goes, the attempt is in progress until settled.
    Start beginAttempt(QStringView userId, qint64 nowMs) const;
    Failure settleFailure(QStringView userId, qint64 nowMs) const;
    // The password was right: clears the count and returns 0, unless the account got locked
    // while it was being checked (milliseconds of lock; the sign-in is refused).
    qint64 settleSuccess(QStringView userId, qint64 nowMs) const;
    // Ends a lock and forgets the failures (attempts in progress still count).
    void clear(QStringView userId) const;
    // When the server starts: attempts a stopped or crashed process left in progress will
    // never be settled, and must not keep anyone waiting.
    void forgetAttemptsInProgress() const;

    static QString keyFor(QStringView userId);
    const Limits &limits() const { return m_limits; }

private:
    struct Row
    {
        int failures = 0;
        int inProgress = 0;
        qint64 lockedForMs = 0;
    };
    Row read(const QString &key, qint64 nowMs) const;
    qint64 lock(const QString &key, qint64 nowMs) const;
    void endAttempt(const QString &key) const;
    void forget(const QString &key) const;

    const Database &m_database;
    Limits m_limits;
    QString m_table;
};

} // namespace cqrs::stub
