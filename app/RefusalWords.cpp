#include "app/RefusalWords.h"

#include "core/api/ApiContract.h"
#include "ui/HelpContacts.h"

#include <QDateTime>
#include <QLocale>

namespace cqrs::app {

namespace {

const QString MinAgeRule = ruleId(PolicyRule::MinAge);

bool refused(const ApiError &error, const api::ApiErrorCode &code)
{
    return error.kind == ApiError::Kind::Refused && error.code == code.code;
}

// "Tuesday 24 November 2026 at 09:30" in the person's own locale and time zone.
QString whenForPeople(const QDateTime &moment)
{
    const QDateTime local = moment.toLocalTime();
    const QLocale locale;
    // With the zone: the emails give times in UTC.
    return RefusalWords::tr("%1 at %2 (%3)")
        .arg(locale.toString(local.date(), QLocale::LongFormat),
             locale.toString(local.time(), QLocale::ShortFormat), local.timeZoneAbbreviation());
}

QString minAgeRefusal(const ApiError &error)
{
    if (!error.nextChangeAllowedAt.isValid())
        return RefusalWords::tr("Your password was changed too recently to change it again yet.");
    // "Set", not "changed": it is also what someone reads who has only just registered.
    return RefusalWords::tr("Your password was set recently. You can change it again after %1.")
        .arg(whenForPeople(error.nextChangeAllowedAt));
}

} // namespace

bool RefusalWords::isSpentLink(const ApiError &error)
{
    return refused(error, api::Errors::TokenUsed) || refused(error, api::Errors::TokenExpired)
        || refused(error, api::Errors::UnknownToken);
}

RefusalWords::Words RefusalWords::forLink(const ApiError &error, bool resetLink)
{
    const QString whatNext = resetLink
        ? tr("Choose \"Forgotten your password?\" on the sign-in screen to get a new one.")
        : tr("Ask your CQRS User Administrator to send you a new one.");
    const QString kind = resetLink ? tr("password reset link") : tr("registration link");
    const QString title = tr("This link cannot be used");
    if (refused(error, api::Errors::TokenExpired))
        return {title, tr("This %1 has expired.").arg(kind) + QLatin1Char(' ') + whatNext, {}};
    // Also what a person reads who pressed Cancel (or lost the connection) after the server had
    // set the password: so it says first that the password may be set.
    if (refused(error, api::Errors::TokenUsed))
        return {title,
                resetLink ? tr("This password reset link has already been used. If you set a new "
                               "password with it, sign in with that password. If not, choose "
                               "\"Forgotten your password?\" on the sign-in screen to get a new "
                               "link.")
                          : tr("This registration link has already been used. If you set your "
                               "password with it, sign in with that password. If not, ask your "
                               "CQRS User Administrator to send you a new link."),
                {}};
    if (refused(error, api::Errors::UnknownToken))
        return {title,
                tr("This %1 is not recognised. A newer link may have replaced it.").arg(kind)
                    + QLatin1Char(' ') + whatNext,
                {}};
    return {tr("Cannot check your link"), error.userMessage(), {}};
}

QString RefusalWords::forNewPassword(const ApiError &error)
{
    // Only a reset link meets the minimum age, and whoever uses one may be unable to sign in.
    if (error.violations.contains(MinAgeRule))
        return minAgeRefusal(error) + QLatin1Char(' ')
            + tr("If you cannot sign in until then, call the CQRS Service Desk on %1: they can "
                 "help.")
                  .arg(ui::HelpContacts::phone());
    return error.userMessage();
}

RefusalWords::Words RefusalWords::forPasswordChange(const ApiError &error)
{
    if (error.violations.contains(MinAgeRule)) {
        const QString message = minAgeRefusal(error);
        return {{}, message, {{MinAgeRule, message}}};
    }
    if (refused(error, api::Errors::InvalidCredentials))
        return {{}, tr("Your current password is not correct. Type it again."), {}};
    return {{}, error.userMessage(), {}};
}

QString RefusalWords::forSignIn(const ApiError &error)
{
    if (refused(error, api::Errors::AccountLocked) && error.retryAfterSeconds) {
        const QDateTime until = QDateTime::currentDateTime().addSecs(*error.retryAfterSeconds);
        return tr("Your account is locked after too many unsuccessful sign-in attempts. Try again "
                  "after %1, or ask your CQRS User Administrator to unlock it.")
            .arg(QLocale().toString(until.time(), QLocale::ShortFormat));
    }
    return error.userMessage();
}

QString RefusalWords::forNhsMailSignIn(const ApiError &error)
{
    if (refused(error, api::Errors::NotRegistered))
        return tr("Your NHSmail account is not linked to a CQRS user. Register with the link your "
                  "CQRS User Administrator sent you first.");
    if (error.httpStatus == 401)
        return tr("The CQRS server could not confirm your NHSmail sign-in. Try again, or sign in "
                  "with your CQRS User ID and password.");
    return forSignIn(error);
}

bool RefusalWords::refusesNhsMail(const ApiError &error)
{
    return error.httpStatus == 401 || refused(error, api::Errors::NotRegistered)
        || refused(error, api::Errors::NhsMailMismatch);
}

} // namespace cqrs::app
