#pragma once

#include "server-stub/storage/SignInThrottle.h"

#include <QString>

#include <optional>

namespace cqrs::stub {

class Database;
class HashingPool;

struct IdpAccount
{
    QString email;
    QString subject; // the stable "sub" claim, random, never the email
    QString displayName;
};

// The stand-in provider's people: email, name and an Argon2id password hash. Seeded from the
// command line (and, with --dev, by tests); nothing to do with CQRS passwords. Password
// guessing is throttled per email address, known or not, exactly like CQRS sign-in.
class IdpAccounts
{
public:
    struct SignIn
    {
        std::optional<IdpAccount> account; // when the password is right and not locked
        qint64 lockedForMs = 0; // when too many wrong passwords paused signing in
        bool busy = false; // not checked: other sign-ins of the address are being checked
    };

    IdpAccounts(const Database &database, HashingPool &hashing,
                SignInThrottle::Limits lockout = {});

    // False when the email already has an account.
    bool add(const QString &email, const QString &displayName, const QString &password,
             qint64 nowMs) const;

    // Unknown addresses take as long as known ones and lock the same way.
    SignIn signIn(const QString &email, const QString &password, qint64 nowMs) const;
    std::optional<IdpAccount> find(const QString &email) const;
    const SignInThrottle::Limits &lockout() const { return m_throttle.limits(); }
    // When the server starts (SignInThrottle::forgetAttemptsInProgress).
    void forgetSignInsInProgress() const { m_throttle.forgetAttemptsInProgress(); }

private:
    std::optional<IdpAccount> check(const QString &email, const QString &password) const;

    const Database &m_database;
    HashingPool &m_hashing;
    SignInThrottle m_throttle;
};

} // namespace cqrs::stub
