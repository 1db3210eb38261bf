#pragma once

#include "core/policy/ServerPasswordRules.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace cqrs::stub {

class Database;

struct User
{
    QString userId;
    QString displayName;
    QString email;
    QString organisation;
    QString role;
    QString passwordHash; // empty until the user has registered
    qint64 passwordSetAtMs = 0;
    qint64 createdAtMs = 0;

    bool hasPassword() const { return !passwordHash.isEmpty(); }
    // The API's `user` object (docs/design.md §4); never the hash.
    QJsonObject toJson() const;
};

// Users and their passwords. User IDs are unique regardless of ASCII letter case.
class UserStore
{
public:
    explicit UserStore(const Database &database)
        : m_database(database)
    { }

    std::optional<User> find(QStringView userId) const;
    // Email addresses are not unique: the caller decides what several users with one means.
    QList<User> findByEmail(QStringView email) const;
    QList<User> all() const;

    // False when the User ID is taken.
    bool create(const User &user) const;

    // What the Password Policy's server rules need: current hash, the previous ones newest
    // first, and when the current one was set.
    PasswordRecord passwordRecord(const User &user, int historyCount) const;

    // Inside the caller's transaction: moves the current hash into the history (keeping
    // `historyCount` entries) and sets the new one. False when the current hash is no longer
    // `expectedCurrentHash`, i.e. another request changed the password meanwhile.
    bool replacePassword(const User &user, const QString &expectedCurrentHash,
                         const QString &newHash, qint64 nowMs, int historyCount) const;

    // The same password hashed again with stronger parameters: replaces the current hash only
    // (not the history, not the date it was set). False if the hash changed meanwhile.
    bool rehash(const User &user, const QString &newHash) const;

private:
    const Database &m_database;
};

} // namespace cqrs::stub
