#pragma once

#include <QString>

namespace cqrs::stub {

class Database;

// A table of single-use secrets kept as hashes, each row with `used_at` and `expires_at`:
// registration and reset links, the stand-in provider's authorization codes and refresh
// tokens. What else a row says, and what spending it sets off (voiding a user's other links,
// revoking a refresh-token family on reuse), stays with each store.
struct SingleUseTokens
{
    QString table;
    QString hashColumn;
    QString alsoRequired = {}; // an extra SQL condition a spendable row meets, e.g. not voided

    // Marks the row used if it is still unused, unexpired and meets alsoRequired, in one
    // statement, so of two requests racing with the same token exactly one wins: true for it.
    bool spend(const Database &database, const QString &hash, qint64 nowMs) const;
};

} // namespace cqrs::stub
