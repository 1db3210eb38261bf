#include "server-stub/idp/IdpAccounts.h"

#include "server-stub/idp/IdpSchema.h"
#include "server-stub/service/HashingPool.h"
#include "server-stub/storage/Database.h"

#include "core/crypto/SecureRandom.h"

namespace cqrs::stub {

IdpAccounts::IdpAccounts(const Database &database, HashingPool &hashing,
                         SignInThrottle::Limits lockout)
    : m_database(database)
    , m_hashing(hashing)
    , m_throttle(database, lockout, QStringLiteral("idp_sign_in_failures"))
{
    Migrations::apply(m_database, Idp::schema());
}

bool IdpAccounts::add(const QString &email, const QString &displayName, const QString &password,
                      qint64 nowMs) const
{
    const QString hash
        = m_hashing.run([&](const PasswordHasher &hasher) { return hasher.hash(password); });
    const QSqlQuery inserted = m_database.exec(
        QStringLiteral("INSERT INTO idp_accounts (email, subject, display_name, password_hash,"
                       " created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(email) DO NOTHING"),
        {email, SecureRandom::base64Url(16), displayName, hash, nowMs});
    return inserted.numRowsAffected() == 1;
}

std::optional<IdpAccount> IdpAccounts::check(const QString &email, const QString &password) const
{
    QSqlQuery found = m_database.exec(
        QStringLiteral("SELECT email, subject, display_name, password_hash FROM idp_accounts"
                       " WHERE email = ?"),
        {email});
    const bool known = found.next();
    const QString hash = known ? found.value(3).toString() : m_hashing.dummyHash();
    const bool matches = m_hashing.run(
        [&](const PasswordHasher &hasher) { return hasher.verify(password, hash); });
    if (!known || !matches)
        return std::nullopt;
    return IdpAccount {found.value(0).toString(), found.value(1).toString(),
                       found.value(2).toString()};
}

IdpAccounts::SignIn IdpAccounts::signIn(const QString &email, const QString &password,
                                        qint64 nowMs) const
{
    const SignInThrottle::Start start = m_throttle.beginAttempt(email, nowMs);
    if (start.kind == SignInThrottle::Start::Kind::Busy)
        return {std::nullopt, 0, true};
    if (start.kind == SignInThrottle::Start::Kind::Locked)
        return {std::nullopt, start.lockedForMs};
    std::optional<IdpAccount> account = check(email, password);
    const qint64 locked = account ? m_throttle.settleSuccess(email, nowMs)
                                  : m_throttle.settleFailure(email, nowMs).lockedForMs;
    if (locked)
        return {std::nullopt, locked};
    return {std::move(account), 0};
}

std::optional<IdpAccount> IdpAccounts::find(const QString &email) const
{
    QSqlQuery found = m_database.exec(
        QStringLiteral("SELECT email, subject, display_name FROM idp_accounts WHERE email = ?"),
        {email});
    if (!found.next())
        return std::nullopt;
    return IdpAccount {found.value(0).toString(), found.value(1).toString(),
                       found.value(2).toString()};
}

} // namespace cqrs::stub
