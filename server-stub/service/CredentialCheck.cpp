#include "CredentialCheck.h"

#include "Backend.h"

namespace cqrs::stub {

CredentialCheck::Result CredentialCheck::check(QStringView userId, QStringView password)
{
    Result result;
    const SignInThrottle &throttle = m_backend.throttle();
    if (const qint64 locked = throttle.lockedForMs(userId, m_backend.clock().nowMs())) {
        result.kind = Result::Kind::Locked;
        result.retryAfterMs = locked;
        return result;
    }

    const std::optional<User> user = m_backend.users().find(userId);
    const bool known = user && user->hasPassword();
    const QString &stored = known ? user->passwordHash : m_backend.hashing().dummyHash();
    const bool matches = m_backend.hashing().run(
        [&](const PasswordHasher &hasher) { return hasher.verify(password, stored); });

    if (known && matches) {
        throttle.clear(userId);
        result.kind = Result::Kind::Valid;
        result.user = *user;
        return result;
    }
    if (const qint64 locked = throttle.recordFailure(userId, m_backend.clock().nowMs())) {
        result.kind = Result::Kind::Locked;
        result.retryAfterMs = locked;
    }
    return result;
}

} // namespace cqrs::stub
