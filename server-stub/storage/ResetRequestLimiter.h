#pragma once

#include <QString>

namespace cqrs::stub {

class Database;

// Caps forgotten-password requests per User ID as typed (known or not), so the endpoint cannot
// be used to flood someone's mailbox and its 429 reveals nothing about who exists.
class ResetRequestLimiter
{
public:
    static constexpr int MaxPerWindow = 3;
    static constexpr qint64 WindowMs = 60 * 60 * 1000;

    explicit ResetRequestLimiter(const Database &database)
        : m_database(database)
    { }

    // Records the request and says whether it is within the cap.
    bool allow(QStringView userId, qint64 nowMs) const;

private:
    const Database &m_database;
};

} // namespace cqrs::stub
