#include "server-stub/storage/NhsMailBindings.h"

#include "server-stub/storage/Database.h"
#include "server-stub/storage/SsoSchema.h"

namespace cqrs::stub {

NhsMailBindings::NhsMailBindings(const Database &database)
    : m_database(database)
{
    Migrations::apply(m_database, Sso::schema());
}

std::optional<QString> NhsMailBindings::userBoundTo(const NhsMailIdentity &identity) const
{
    QSqlQuery found = m_database.exec(QStringLiteral("SELECT user_id FROM nhsmail_bindings"
                                                     " WHERE issuer = ? AND subject = ?"),
                                      {identity.issuer, identity.subject});
    if (!found.next())
        return std::nullopt;
    return found.value(0).toString();
}

std::optional<NhsMailBinding> NhsMailBindings::bindingOf(const QString &userId) const
{
    QSqlQuery found = m_database.exec(
        QStringLiteral("SELECT issuer, subject, linked_at FROM nhsmail_bindings WHERE user_id = ?"),
        {userId});
    if (!found.next())
        return std::nullopt;
    return NhsMailBinding {{found.value(0).toString(), found.value(1).toString()},
                           found.value(2).toLongLong()};
}

bool NhsMailBindings::bind(const QString &userId, const NhsMailIdentity &identity,
                           qint64 nowMs) const
{
    const QSqlQuery inserted = m_database.exec(
        QStringLiteral("INSERT INTO nhsmail_bindings (user_id, issuer, subject, linked_at)"
                       " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"),
        {userId, identity.issuer, identity.subject, nowMs});
    return inserted.numRowsAffected() == 1;
}

bool NhsMailBindings::unlink(const QString &userId) const
{
    return m_database
               .exec(QStringLiteral("DELETE FROM nhsmail_bindings WHERE user_id = ?"), {userId})
               .numRowsAffected()
        == 1;
}

} // namespace cqrs::stub
