#include "server-stub/time/Clock.h"

namespace cqrs::stub {

qint64 Clock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch() + m_offsetMs.load();
}

QString Clock::iso(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODate);
}

} // namespace cqrs::stub
