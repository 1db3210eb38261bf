#pragma once

#include "server-stub/storage/UserStore.h"

#include <QString>

namespace cqrs::stub {

class Backend;

// Checks a User ID and password the way sign-in does, with lockout. Unknown users, users who
// have not registered yet and wrong passwords all cost one Argon2id verification and give the
// same answer, so neither the answer nor its timing tells whether a User ID exists.
class CredentialCheck
{
public:
    struct Result
    {
        // Busy: not checked, because attempts still being checked for this User ID have
        // taken what the lockout limit allows; worth trying again in a moment.
        enum class Kind { Valid, Invalid, Locked, Busy };
        Kind kind = Kind::Invalid;
        User user; // when valid
        qint64 retryAfterMs = 0; // when locked
    };

    explicit CredentialCheck(Backend &backend)
        : m_backend(backend)
    { }

    Result check(QStringView userId, QStringView password);

private:
    Backend &m_backend;
};

} // namespace cqrs::stub
