#include "server-stub/service/CredentialCheck.h"

#include "server-stub/service/AccountNotices.h"
#include "server-stub/service/Backend.h"

namespace cqrs::stub {

CredentialCheck::Result CredentialCheck::check(QStringView userId, QStringView password)
{
    Result result;
    const SignInThrottle &throttle = m_backend.throttle();
    if (const qint64 locked = throttle.beginAttempt(userId, m_backend.clock().nowMs())) {
        result.kind = Result::Kind::Locked;
        result.retryAfterMs = locked;
        return result;
    }

    const std::optional<User> user = m_backend.users().find(userId);
    const bool known = user && user->hasPassword();
    const QString &stored = known ? user->passwordHash : m_backend.hashing().dummyHash();
    // The one moment the password is known: if its hash was made with weaker parameters than
    // the server's now, hash it again (docs/design.md §3).
    QString strongerHash;
    const bool matches = m_backend.hashing().run([&](const PasswordHasher &hasher) {
        const bool ok = hasher.verify(password, stored);
        if (ok && known && hasher.needsRehash(stored))
            strongerHash = hasher.hash(password);
        return ok;
    });

    if (known && matches) {
        if (const qint64 locked = throttle.settleSuccess(userId, m_backend.clock().nowMs())) {
            result.kind = Result::Kind::Locked;
            result.retryAfterMs = locked;
            return result;
        }
        result.kind = Result::Kind::Valid;
        result.user = *user;
        if (!strongerHash.isEmpty() && m_backend.users().rehash(*user, strongerHash))
            result.user.passwordHash = strongerHash;
        return result;
    }
    if (const qint64 locked = throttle.settleFailure(userId, m_backend.clock().nowMs())) {
        result.kind = Result::Kind::Locked;
        result.retryAfterMs = locked;
        // This failure is the one that locked it (a locked account refuses before checking).
        // Queued, so a known User ID takes no longer to answer than an unknown one.
        if (user)
            AccountNotices(m_backend).accountLocked(*user, locked);
    }
    return result;
}

} // namespace cqrs::stub
