#include "server-stub/service/AccountNotices.h"

#include "server-stub/mail/Letter.h"
#include "server-stub/service/Backend.h"

#include <QLocale>

namespace cqrs::stub {

void AccountNotices::passwordChanged(const User &user, PasswordChange change)
{
    if (change == PasswordChange::Registration)
        return;
    const bool reset = change != PasswordChange::UserChange;
    Letter letter;
    letter.heading = reset ? tr("Your CQRS National password was reset")
                           : tr("Your CQRS National password was changed");
    letter.greeting = tr("Dear %1,").arg(user.displayName);
    letter.before.append(
        (reset ? tr("The password for your CQRS National account (User ID: %1) was reset on %2.")
               : tr("The password for your CQRS National account (User ID: %1) was changed on "
                    "%2."))
            .arg(user.userId, now()));
    letter.before.append(tr("If this was you, there is nothing more to do. You have been signed "
                            "out everywhere else."));
    letter.after.append(tr("If this was not you, someone else may know your password: contact "
                           "the CQRS service desk straight away so they can lock your account "
                           "and send you a new link."));
    post(user, letter.heading, letter);
}

void AccountNotices::accountLocked(const User &user, qint64 lockedForMs)
{
    const int minutes = int(std::max<qint64>(1, (lockedForMs + 59'999) / 60'000));
    Letter letter;
    letter.heading = tr("Your CQRS National account is locked");
    letter.greeting = tr("Dear %1,").arg(user.displayName);
    const QString duration = minutes == 1 ? tr("1 minute") : tr("%1 minutes").arg(minutes);
    letter.before.append(tr("Your CQRS National account (User ID: %1) was locked on %2 after "
                            "several sign-ins with a wrong password. It unlocks by itself in %3.")
                             .arg(user.userId, now(), duration));
    letter.after.append(tr("If this was you, wait and try again, or use \"Forgotten your "
                           "password?\" in CQRS Desktop."));
    letter.after.append(tr("If this was not you, someone may be trying to guess your password: "
                           "contact the CQRS service desk."));
    post(user, letter.heading, letter);
}

void AccountNotices::nhsMailLinked(const User &user, const QString &nhsMailAddress)
{
    Letter letter;
    letter.heading = tr("NHSmail sign-in was linked to your CQRS National account");
    letter.greeting = tr("Dear %1,").arg(user.displayName);
    letter.before.append(tr("On %1 the NHSmail account %2 signed in to your CQRS National account "
                            "(User ID: %3) for the first time. From now on, \"Sign in with "
                            "NHSmail\" signs you in with that NHSmail account only.")
                             .arg(now(), nhsMailAddress, user.userId));
    letter.before.append(tr("If this was you, there is nothing more to do."));
    letter.after.append(tr("If this was not you, someone else may be able to sign in as you: "
                           "contact the CQRS service desk straight away so they can remove the "
                           "link and lock your account."));
    post(user, letter.heading, letter);
}

void AccountNotices::post(const User &user, const QString &subject, const Letter &letter)
{
    Email email {user.email, subject, letter.plainText(), letter.html(), {}};
    Backend &backend = m_backend;
    backend.mailQueue().post([&backend, email = std::move(email)] {
        backend.outbox().send(email, backend.clock().now());
    });
}

QString AccountNotices::now() const
{
    return QLocale::c().toString(m_backend.clock().now().toUTC(),
                                 QStringLiteral("d MMMM yyyy 'at' HH:mm 'UTC'"));
}

} // namespace cqrs::stub
