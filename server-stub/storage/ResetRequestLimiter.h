#pragma once

#include <QString>

namespace cqrs::stub {

class Database;

// Caps forgotten-password requests per User ID as typed (known or not), so the endpoint cannot
// be used to flood someone's mailbox and its 429 reveals nothing about who exists. Each request
// is a row kept for the window; as made-up User IDs are endless, the rows of all IDs together
// are capped too (past MaxRowsPerWindow every request is refused alike, which again reveals
// nothing).
class ResetRequestLimiter
{
public:
    static constexpr int MaxPerWindow = 3;
    static constexpr qint64 WindowMs = 60 * 60 * 1000;
    static constexpr int MaxRowsPerWindow = 10000;

    explicit ResetRequestLimiter(const Database &database)
        : m_database(database)
    { }

    // Records the request and says whether it is within the cap.
    bool allow(QStringView userId, qint64 nowMs) const;

private:
    const Database &m_database;
};

} // namespace cqrs::stub
