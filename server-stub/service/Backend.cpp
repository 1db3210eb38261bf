#include "server-stub/service/Backend.h"

#include <QThread>

namespace cqrs::stub {

namespace {

QString outboxFor(const BackendSettings &settings)
{
    return settings.outboxDirectory.isEmpty() ? settings.databasePath + QStringLiteral(".outbox")
                                              : settings.outboxDirectory;
}

} // namespace

Backend::Backend(BackendSettings settings)
    : m_settings(std::move(settings))
    , m_database(m_settings.databasePath)
    , m_outbox(outboxFor(m_settings))
    , m_hashing(m_settings.hashingThreads > 0 ? m_settings.hashingThreads
                                              : QThread::idealThreadCount(),
                PasswordHasher::withParameters(m_settings.argon2).value_or(PasswordHasher()))
    , m_users(m_database)
    , m_links(m_database)
    , m_sessions(m_database, m_settings.sessions)
    , m_throttle(m_database, m_settings.lockout)
    , m_resetLimiter(m_database)
{ }

} // namespace cqrs::stub
