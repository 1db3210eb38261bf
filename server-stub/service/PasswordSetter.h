#pragma once

#include "core/policy/ServerPasswordRules.h"
#include "server-stub/storage/UserStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStringList>

#include <functional>

namespace cqrs::stub {

class Backend;

// Sets a user's password under the whole Password Policy: the rules the client can judge and
// the server's own (not-current, history, min-age), all judged before anything is refused, so
// every violation is reported together. The new hash, the history and whatever the caller adds
// (the link consumed, other sessions ended) are committed in one transaction.
class PasswordSetter
{
    Q_DECLARE_TR_FUNCTIONS(PasswordSetter)

public:
    struct Outcome
    {
        enum class Kind {
            Accepted,
            Refused, // policy violations
            Conflict, // the link was used, or the password changed, while we were hashing
        };
        Kind kind = Kind::Refused;
        QStringList violations; // rule ids, when refused
        QString message; // plain English, when refused
        QDateTime nextChangeAllowedAt; // valid when min-age failed
    };

    // Runs inside the transaction after the password is replaced; false rolls everything back.
    using AlsoCommit = std::function<bool(qint64 nowMs)>;

    explicit PasswordSetter(Backend &backend)
        : m_backend(backend)
    { }

    Outcome set(const User &user, QStringView candidate, PasswordChange change,
                const AlsoCommit &alsoCommit);

private:
    Backend &m_backend;
};

} // namespace cqrs::stub
