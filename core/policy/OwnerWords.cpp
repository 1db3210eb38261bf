#include "core/policy/OwnerWords.h"

#include "core/policy/ContextWords.h"
#include "core/policy/UserIdParts.h"

namespace cqrs {

const OwnerWords &ownerWords(const PasswordOwner &owner, int userIdPartMinLength,
                             const QStringList &serviceWords, int contextWordMinLength)
{
    struct Memo
    {
        PasswordOwner owner;
        int userIdPartMinLength = -1;
        QStringList serviceWords;
        int contextWordMinLength = -1;
        OwnerWords words;
    };
    thread_local Memo memo;
    if (memo.userIdPartMinLength != userIdPartMinLength
        || memo.contextWordMinLength != contextWordMinLength || memo.owner.userId != owner.userId
        || memo.owner.displayName != owner.displayName
        || memo.owner.organisation != owner.organisation || memo.serviceWords != serviceWords) {
        memo = {owner,
                userIdPartMinLength,
                serviceWords,
                contextWordMinLength,
                {forbiddenUserIdFragments(owner.userId, userIdPartMinLength),
                 contextWords(owner, serviceWords, contextWordMinLength)}};
    }
    return memo.words;
}

} // namespace cqrs
