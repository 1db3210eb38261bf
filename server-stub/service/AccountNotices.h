#pragma once

#include "core/policy/ServerPasswordRules.h"
#include "server-stub/storage/UserStore.h"

#include <QCoreApplication>

namespace cqrs::stub {

class Backend;
struct Letter;

// Tells a person by email when their account's security changes (OWASP ASVS 5.0: notify after
// authentication details change): what happened, when, and what to do if it was not them.
// Sent on the mail queue, after the request that caused it has been answered.
class AccountNotices
{
    Q_DECLARE_TR_FUNCTIONS(AccountNotices)

public:
    explicit AccountNotices(Backend &backend)
        : m_backend(backend)
    { }

    // After a password change or reset; not after registration, which the person just did.
    void passwordChanged(const User &user, PasswordChange change);
    // When failed sign-ins have just locked the account for `lockedForMs`.
    void accountLocked(const User &user, qint64 lockedForMs);
    // When an NHSmail account (`nhsMailAddress` at the time) was linked to the user, at their
    // first NHSmail sign-in: from then on it alone signs in as them that way.
    void nhsMailLinked(const User &user, const QString &nhsMailAddress);

private:
    void post(const User &user, const QString &subject, const Letter &letter);
    QString now() const;

    Backend &m_backend;
};

} // namespace cqrs::stub
