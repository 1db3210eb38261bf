#pragma once

#include "core/policy/PasswordPolicy.h"
#include "server-stub/mail/Outbox.h"
#include "server-stub/service/HashingPool.h"
#include "server-stub/service/MailQueue.h"
#include "server-stub/storage/Database.h"
#include "server-stub/storage/LinkTokenStore.h"
#include "server-stub/storage/ResetRequestLimiter.h"
#include "server-stub/storage/SessionStore.h"
#include "server-stub/storage/SignInThrottle.h"
#include "server-stub/storage/UserStore.h"
#include "server-stub/time/Clock.h"

#include <QString>

namespace cqrs::stub {

// Everything the server and the command line configure.
struct BackendSettings
{
    QString databasePath;
    QString outboxDirectory; // empty: "<database>.outbox"
    QString publicUrl; // base of the https links in emails
    bool printLinks = false; // --dev: also print email links on stdout for testers
    qint64 registrationLifetimeMs = 7LL * 24 * 60 * 60 * 1000;
    qint64 resetLifetimeMs = 60LL * 60 * 1000;
    SessionStore::Lifetimes sessions;
    SignInThrottle::Limits lockout;
    int hashingThreads = 0; // 0: one per CPU core
    // New hashes use these; a stored hash made with weaker ones is redone at the next sign-in.
    Argon2Parameters argon2;
    PasswordPolicy policy;
};

// The stub's state and stores, shared by every route module and command. Each store is
// thread-safe: it works through the calling thread's database connection.
class Backend
{
public:
    explicit Backend(BackendSettings settings);

    const BackendSettings &settings() const { return m_settings; }
    const PasswordPolicy &policy() const { return m_settings.policy; }

    Database &database() { return m_database; }
    Clock &clock() { return m_clock; }
    Outbox &outbox() { return m_outbox; }
    HashingPool &hashing() { return m_hashing; }
    const UserStore &users() const { return m_users; }
    const LinkTokenStore &links() const { return m_links; }
    const SessionStore &sessions() const { return m_sessions; }
    const SignInThrottle &throttle() const { return m_throttle; }
    const ResetRequestLimiter &resetLimiter() const { return m_resetLimiter; }
    MailQueue &mailQueue() { return m_mailQueue; }

    void setPublicUrl(const QString &url) { m_settings.publicUrl = url; }

private:
    BackendSettings m_settings;
    Database m_database;
    Clock m_clock;
    Outbox m_outbox;
    HashingPool m_hashing;
    UserStore m_users;
    LinkTokenStore m_links;
    SessionStore m_sessions;
    SignInThrottle m_throttle;
    ResetRequestLimiter m_resetLimiter;
    // Last, so that it is destroyed first: queued emails are sent while the stores still exist.
    MailQueue m_mailQueue;
};

} // namespace cqrs::stub
