#include "server-stub/routes/ApiRoutes.h"

#include "server-stub/routes/ApiAnswers.h"
#include "server-stub/service/Backend.h"
#include "server-stub/service/CredentialCheck.h"
#include "server-stub/service/PasswordSetter.h"

#include <QCoreApplication>

#include <httplib.h>

namespace cqrs::stub {

namespace {

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(MeRoutes)

public:
    static HttpError wrongCurrent()
    {
        return {api::Errors::InvalidCredentials,
                tr("Your current password is not right. Type it again.")};
    }
    static HttpError changedMeanwhile()
    {
        return {api::Errors::Conflict,
                tr("Your password was changed in another window meanwhile. Sign in again.")};
    }
};

} // namespace

void addMeRoutes(Router &router, const RouteContext &context)
{
    Backend &backend = context.backend;
    router.add("GET", QString(api::Paths::Me),
               [&backend](const HttpRequest &request, httplib::Response &response) {
                   Reply::json(response, 200,
                               ApiAnswers::requireSession(backend, request).user.toJson());
               });

    router.add("POST", QString(api::Paths::MyPassword),
               [&backend](const HttpRequest &request, httplib::Response &response) {
                   const ApiAnswers::SignedIn signedIn
                       = ApiAnswers::requireSession(backend, request);
                   const QJsonObject body = request.jsonBody();
                   const QString current
                       = HttpRequest::requiredString(body, QStringLiteral("currentPassword"));
                   const QString next
                       = HttpRequest::requiredString(body, QStringLiteral("newPassword"));

                   // Guessing the current password through a stolen session counts towards the
                   // same lockout as signing in.
                   const CredentialCheck::Result check
                       = CredentialCheck(backend).check(signedIn.user.userId, current);
                   if (check.kind == CredentialCheck::Result::Kind::Locked)
                       throw ApiAnswers::locked(check.retryAfterMs);
                   if (check.kind == CredentialCheck::Result::Kind::Busy)
                       throw ApiAnswers::busy(response);
                   if (check.kind == CredentialCheck::Result::Kind::Invalid)
                       throw Messages::wrongCurrent();

                   const PasswordSetter::Outcome outcome = PasswordSetter(backend).set(
                       check.user, next, PasswordChange::UserChange, [&](qint64 now) {
                           backend.sessions().revokeAllFor(check.user.userId, signedIn.token, now);
                           return true;
                       });
                   switch (outcome.kind) {
                   case PasswordSetter::Outcome::Kind::Refused:
                       throw ApiAnswers::policyRefusal(outcome);
                   case PasswordSetter::Outcome::Kind::Conflict:
                       throw Messages::changedMeanwhile();
                   case PasswordSetter::Outcome::Kind::Accepted:
                       break;
                   }
                   Reply::noContent(response);
               });
}

} // namespace cqrs::stub
