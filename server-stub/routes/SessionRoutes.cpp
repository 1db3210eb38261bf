#include "server-stub/routes/ApiRoutes.h"

#include "server-stub/routes/ApiAnswers.h"
#include "server-stub/service/Backend.h"
#include "server-stub/service/CredentialCheck.h"

#include <httplib.h>

namespace cqrs::stub {

void addSessionRoutes(Router &router, const RouteContext &context)
{
    Backend &backend = context.backend;
    router.add(
        "POST", QString(api::Paths::Sessions),
        [&backend](const HttpRequest &request, httplib::Response &response) {
            const QJsonObject body = request.jsonBody();
            const QString userId = HttpRequest::requiredString(body, QStringLiteral("userId"), 256);
            const QString password = HttpRequest::requiredString(body, QStringLiteral("password"));
            const CredentialCheck::Result result = CredentialCheck(backend).check(userId, password);
            switch (result.kind) {
            case CredentialCheck::Result::Kind::Locked:
                throw ApiAnswers::locked(result.retryAfterMs);
            case CredentialCheck::Result::Kind::Busy:
                throw ApiAnswers::busy(response);
            case CredentialCheck::Result::Kind::Invalid:
                throw ApiAnswers::invalidCredentials();
            case CredentialCheck::Result::Kind::Valid:
                break;
            }
            const SessionStore::Issued issued
                = backend.sessions().create(result.user.userId, backend.clock().nowMs());
            Reply::json(response, 201,
                        ApiAnswers::session(issued, result.user, backend.sessions().lifetimes()));
        });

    router.add("DELETE", QString(api::Paths::CurrentSession),
               [&backend](const HttpRequest &request, httplib::Response &response) {
                   const ApiAnswers::SignedIn signedIn
                       = ApiAnswers::requireSession(backend, request);
                   backend.sessions().revoke(signedIn.token, backend.clock().nowMs());
                   Reply::noContent(response);
               });
}

} // namespace cqrs::stub
