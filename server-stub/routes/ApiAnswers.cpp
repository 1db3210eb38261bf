#include "server-stub/routes/ApiAnswers.h"

#include "core/crypto/SecretToken.h"
#include "server-stub/service/Backend.h"
#include "server-stub/time/Clock.h"

#include <QJsonArray>

#include <httplib.h>

namespace cqrs::stub {

ApiAnswers::SignedIn ApiAnswers::requireSession(Backend &backend, const HttpRequest &request)
{
    const HttpError refused(api::Errors::InvalidSession,
                            tr("Your session has ended. Sign in again."));
    const std::optional<QString> token = request.bearerToken();
    if (!token)
        throw refused;
    const std::optional<QString> userId
        = backend.sessions().authenticate(*token, backend.clock().nowMs());
    if (!userId)
        throw refused;
    std::optional<User> user = backend.users().find(*userId);
    if (!user)
        throw refused;
    return {*std::move(user), *token};
}

QJsonObject ApiAnswers::session(const SessionStore::Issued &issued, const User &user,
                                const SessionStore::Lifetimes &lifetimes)
{
    return {{QStringLiteral("sessionToken"), issued.token},
            {QStringLiteral("expiresAt"), Clock::iso(issued.expiresAtMs)},
            {QStringLiteral("idleTimeoutSeconds"), lifetimes.idleMs / 1000},
            {QStringLiteral("user"), user.toJson()}};
}

HttpError ApiAnswers::invalidCredentials()
{
    return HttpError(api::Errors::InvalidCredentials,
                     tr("The User ID or password is not right. Check them and try again. If you "
                        "have not finished registering, use the link in your invitation email."));
}

HttpError ApiAnswers::locked(qint64 retryAfterMs)
{
    const qint64 seconds = (retryAfterMs + 999) / 1000;
    return HttpError(api::Errors::AccountLocked,
                     tr("Too many sign-in attempts failed, so the account is locked for %n "
                        "minute(s). Try again later, or ask your CQRS User Administrator to "
                        "unlock it.",
                        nullptr, int((seconds + 59) / 60)),
                     {{QStringLiteral("retryAfterSeconds"), seconds}});
}

HttpError ApiAnswers::busy(httplib::Response &response)
{
    // Checking a password takes a fraction of a second, so the way is clear again by then.
    constexpr int RetryAfterSeconds = 1;
    response.set_header("Retry-After", std::to_string(RetryAfterSeconds));
    return HttpError(api::Errors::TooManyRequests,
                     tr("Other attempts with this User ID are being checked at this moment. "
                        "Wait a second, then try again."),
                     {{QStringLiteral("retryAfterSeconds"), RetryAfterSeconds}});
}

HttpError ApiAnswers::policyRefusal(const PasswordSetter::Outcome &outcome)
{
    QJsonObject extra {
        {QStringLiteral("violations"), QJsonArray::fromStringList(outcome.violations)}};
    if (outcome.nextChangeAllowedAt.isValid()) {
        extra.insert(QStringLiteral("nextChangeAllowedAt"),
                     outcome.nextChangeAllowedAt.toUTC().toString(Qt::ISODate));
    }
    return HttpError(api::Errors::PasswordPolicy, outcome.message, extra);
}

} // namespace cqrs::stub
