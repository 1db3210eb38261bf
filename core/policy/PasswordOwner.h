#pragma once

#include <QString>

namespace cqrs {

// Whose password is being judged: what the user-id and context-words rules compare it with.
struct PasswordOwner
{
    QString userId;
    QString displayName;
    QString organisation; // its name, its code, or both ("Riverside Surgery (A81001)")
};

} // namespace cqrs
