#pragma once

#include <QCoreApplication>
#include <QString>

#include <deque>
#include <mutex>

namespace httplib {
struct Response;
}

namespace cqrs::stub {

class Clock;
class HttpRequest;

// The admin API's door: the Bearer credential must be the admin key, and after
// MaxFailures wrong keys within a minute every attempt (the right key too) gets 429 with
// Retry-After until the oldest of them is a minute old, so the key cannot be guessed at speed.
// Counted for the whole server, not per address: on loopback every client shares one.
class AdminKeyGuard
{
    Q_DECLARE_TR_FUNCTIONS(AdminKeyGuard)

public:
    static constexpr int MaxFailures = 10;
    static constexpr qint64 WindowMs = 60 * 1000;

    AdminKeyGuard(QString adminKey, const Clock &clock)
        : m_adminKey(std::move(adminKey))
        , m_clock(clock)
    { }

    // Throws HttpError 401 (wrong or missing key) or 429 (too many wrong keys; sets the
    // Retry-After header on `response`).
    void require(const HttpRequest &request, httplib::Response &response);

private:
    const QString m_adminKey;
    const Clock &m_clock;
    std::mutex m_mutex;
    std::deque<qint64> m_failuresMs; // within the last WindowMs, oldest first
};

} // namespace cqrs::stub
