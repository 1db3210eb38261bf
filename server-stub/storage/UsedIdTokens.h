#pragma once

#include <QString>

namespace cqrs::stub {

class Database;

// The id_tokens that have opened a CQRS session, so that each opens one at most: a copy caught
// in a log, a proxy or a crash report cannot open another. Only their SHA-256 is kept, and only
// while the token could still be accepted.
class UsedIdTokens
{
public:
    explicit UsedIdTokens(const Database &database);

    // True the first time `idToken` is spent; false for every later try. `acceptedUntilMs` is the
    // last moment validation would still accept it (its exp plus the allowed clock skew).
    bool spend(QStringView idToken, qint64 acceptedUntilMs, qint64 nowMs) const;

private:
    const Database &m_database;
};

} // namespace cqrs::stub
