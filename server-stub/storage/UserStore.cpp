#include "server-stub/storage/UserStore.h"

#include "server-stub/storage/Database.h"
#include "server-stub/time/Clock.h"

#include <QJsonValue>
#include <QSqlQuery>

namespace cqrs::stub {

namespace {

const QString Columns = QStringLiteral(
    "user_id, display_name, email, organisation, role, password_hash, password_set_at, created_at");

User userFrom(const QSqlQuery &query)
{
    User user;
    user.userId = query.value(0).toString();
    user.displayName = query.value(1).toString();
    user.email = query.value(2).toString();
    user.organisation = query.value(3).toString();
    user.role = query.value(4).toString();
    user.passwordHash = query.value(5).toString();
    user.passwordSetAtMs = query.value(6).toLongLong();
    user.createdAtMs = query.value(7).toLongLong();
    return user;
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

QJsonObject User::toJson() const
{
    return {{QStringLiteral("userId"), userId},
            {QStringLiteral("displayName"), displayName},
            {QStringLiteral("email"), email},
            {QStringLiteral("organisation"), organisation},
            {QStringLiteral("role"), role},
            {QStringLiteral("passwordChangedAt"),
             hasPassword() ? QJsonValue(Clock::iso(passwordSetAtMs)) : QJsonValue()}};
}

std::optional<User> UserStore::find(QStringView userId) const
{
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT %1 FROM users WHERE user_id = ?").arg(Columns), {userId.toString()});
    if (!query.next())
        return std::nullopt;
    return userFrom(query);
}

QList<User> UserStore::findByEmail(QStringView email) const
{
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT %1 FROM users WHERE email = ? COLLATE NOCASE ORDER BY created_at")
            .arg(Columns),
        {email.toString()});
    QList<User> users;
    while (query.next())
        users.append(userFrom(query));
    return users;
}

QList<User> UserStore::all() const
{
    QSqlQuery query
        = m_database.exec(QStringLiteral("SELECT %1 FROM users ORDER BY user_id").arg(Columns));
    QList<User> users;
    while (query.next())
        users.append(userFrom(query));
    return users;
}

bool UserStore::create(const User &user) const
{
    QSqlQuery query = m_database.exec(
        QStringLiteral("INSERT INTO users (user_id, display_name, email, organisation, role,"
                       " created_at) VALUES (?, ?, ?, COALESCE(?, ''), COALESCE(?, ''), ?)"
                       " ON CONFLICT DO NOTHING"),
        {user.userId, user.displayName, user.email, user.organisation, user.role,
         user.createdAtMs});
    return query.numRowsAffected() == 1;
}

PasswordRecord UserStore::passwordRecord(const User &user, int historyCount) const
{
    PasswordRecord record;
    record.currentHash = user.passwordHash;
    if (user.hasPassword())
        record.lastSetAt = QDateTime::fromMSecsSinceEpoch(user.passwordSetAtMs, Qt::UTC);
    QSqlQuery query = m_database.exec(
        QStringLiteral("SELECT password_hash FROM password_history WHERE user_id = ?"
                       " ORDER BY id DESC LIMIT ?"),
        {user.userId, historyCount});
    while (query.next())
        record.previousHashes.append(query.value(0).toString());
    return record;
}

bool UserStore::replacePassword(const User &user, const QString &expectedCurrentHash,
                                const QString &newHash, qint64 nowMs, int historyCount) const
{
    QSqlQuery update
        = m_database.exec(QStringLiteral("UPDATE users SET password_hash = ?, password_set_at = ?"
                                         " WHERE user_id = ? AND password_hash IS ?"),
                          {newHash, nowMs, user.userId, nullIfEmpty(expectedCurrentHash)});
    if (update.numRowsAffected() != 1)
        return false;
    if (!expectedCurrentHash.isEmpty()) {
        m_database.exec(QStringLiteral("INSERT INTO password_history (user_id, password_hash,"
                                       " replaced_at) VALUES (?, ?, ?)"),
                        {user.userId, expectedCurrentHash, nowMs});
    }
    m_database.exec(QStringLiteral("DELETE FROM password_history WHERE user_id = ? AND id NOT IN"
                                   " (SELECT id FROM password_history WHERE user_id = ?"
                                   " ORDER BY id DESC LIMIT ?)"),
                    {user.userId, user.userId, historyCount});
    return true;
}

bool UserStore::rehash(const User &user, const QString &newHash) const
{
    return m_database
               .exec(QStringLiteral("UPDATE users SET password_hash = ? WHERE user_id = ?"
                                    " AND password_hash = ?"),
                     {newHash, user.userId, user.passwordHash})
               .numRowsAffected()
        == 1;
}

} // namespace cqrs::stub
