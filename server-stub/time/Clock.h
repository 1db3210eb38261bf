#pragma once

#include <QDateTime>

#include <atomic>

namespace cqrs::stub {

// The server's idea of now: real UTC time plus an offset that only POST /dev/clock moves, so
// tests can reach the 72-hour minimum age and link expiry without waiting.
class Clock
{
public:
    qint64 nowMs() const;
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
    qint64 offsetSeconds() const { return m_offsetMs.load() / 1000; }
    void advance(qint64 seconds) { m_offsetMs += seconds * 1000; }

    static QString iso(qint64 epochMs);

private:
    std::atomic<qint64> m_offsetMs {0};
};

} // namespace cqrs::stub
