#include "server-stub/storage/SingleUseTokens.h"

#include "server-stub/storage/Database.h"

#include <QSqlQuery>

namespace cqrs::stub {

bool SingleUseTokens::spend(const Database &database, const QString &hash, qint64 nowMs) const
{
    const QString also
        = alsoRequired.isEmpty() ? QString() : QStringLiteral(" AND ") + alsoRequired;
    const QSqlQuery query
        = database.exec(QStringLiteral("UPDATE %1 SET used_at = ? WHERE %2 = ? AND used_at IS NULL"
                                       " AND expires_at > ?%3")
                            .arg(table, hashColumn, also),
                        {nowMs, hash, nowMs});
    return query.numRowsAffected() == 1;
}

} // namespace cqrs::stub
