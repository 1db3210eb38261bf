#include "server-stub/storage/UsedIdTokens.h"

#include "server-stub/storage/Database.h"
#include "server-stub/storage/SsoSchema.h"

#include "core/crypto/SecretToken.h"

namespace cqrs::stub {

UsedIdTokens::UsedIdTokens(const Database &database)
    : m_database(database)
{
    Migrations::apply(m_database, Sso::schema());
}

bool UsedIdTokens::spend(QStringView idToken, qint64 acceptedUntilMs, qint64 nowMs) const
{
    Transaction transaction(m_database);
    // A token past its expiry is refused by validation anyway, so its hash has done its job.
    m_database.exec(QStringLiteral("DELETE FROM used_id_tokens WHERE expires_at < ?"), {nowMs});
    const QSqlQuery inserted = m_database.exec(
        QStringLiteral("INSERT INTO used_id_tokens (token_hash, expires_at)"
                       " VALUES (?, ?) ON CONFLICT DO NOTHING"),
        {QString::fromLatin1(SecretToken::storageHash(idToken)), acceptedUntilMs});
    transaction.commit();
    return inserted.numRowsAffected() == 1;
}

} // namespace cqrs::stub
