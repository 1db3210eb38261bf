#pragma once

#include "core/policy/PasswordOwner.h"

#include <QStringList>

namespace cqrs {

// The words of one person that the user-id and context-words rules look for, case-folded and
// longest first. Working them out splits and normalises three names, which costs more than
// judging a keystroke, so the last person's words are kept (per thread, as the server judges on
// several) and the checklist pays for them once, not on every key.
struct OwnerWords
{
    QStringList userIdFragments;
    QStringList contextWords;
};

// Valid until the next call on the same thread.
const OwnerWords &ownerWords(const PasswordOwner &owner, int userIdPartMinLength,
                             const QStringList &serviceWords, int contextWordMinLength);

} // namespace cqrs
