#pragma once

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
// command line (and, with --dev, by tests); nothing to do with CQRS passwords.
class IdpAccounts
{
public:
    IdpAccounts(const Database &database, HashingPool &hashing);

    // False when the email already has an account.
    bool add(const QString &email, const QString &displayName, const QString &password,
             qint64 nowMs) const;

    // The account when the password is right. Unknown addresses take as long as known ones.
    std::optional<IdpAccount> check(const QString &email, const QString &password) const;
    std::optional<IdpAccount> find(const QString &email) const;

private:
    const Database &m_database;
    HashingPool &m_hashing;
};

} // namespace cqrs::stub
