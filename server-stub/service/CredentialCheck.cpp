#include "server-stub/service/CredentialCheck.h"

#include "server-stub/service/AccountNotices.h"
#include "server-stub/service/Backend.h"

namespace cqrs::stub {

namespace {

CredentialCheck::Result locked(qint64 retryAfterMs)
{
    CredentialCheck::Result result;
    result.kind = CredentialCheck::Result::Kind::Locked;
    result.retryAfterMs = retryAfterMs;
    return result;
}

} // namespace

CredentialCheck::Result CredentialCheck::check(QStringView userId, QStringView password)
{
    Result result;
    const SignInThrottle &throttle = m_backend.throttle();
    const SignInThrottle::Start start = throttle.beginAttempt(userId, m_backend.clock().nowMs());
    if (start.kind == SignInThrottle::Start::Kind::Locked)
        return locked(start.lockedForMs);
    if (start.kind == SignInThrottle::Start::Kind::Busy) {
        result.kind = Result::Kind::Busy;
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
        if (const qint64 lockedMs = throttle.settleSuccess(userId, m_backend.clock().nowMs()))
            return locked(lockedMs);
        result.kind = Result::Kind::Valid;
        result.user = *user;
        if (!strongerHash.isEmpty() && m_backend.users().rehash(*user, strongerHash))
            result.user.passwordHash = strongerHash;
        return result;
    }
    const SignInThrottle::Failure failure
        = throttle.settleFailure(userId, m_backend.clock().nowMs());
    if (!failure.lockedForMs)
        return result;
    // Only the failure that locked the account tells the person, so guesses made in parallel
    // send one email, as guesses one after another do. Queued, so a known User ID takes no
    // longer to answer than an unknown one.
    if (failure.lockedNow && user)
        AccountNotices(m_backend).accountLocked(*user, failure.lockedForMs);
    return locked(failure.lockedForMs);
}

} // namespace cqrs::stub
