#include "server-stub/routes/SessionRoutes.h"

#include "server-stub/routes/ApiAnswers.h"
#include "server-stub/service/Backend.h"
#include "server-stub/service/CredentialCheck.h"

#include <httplib.h>

namespace cqrs::stub {

void SessionRoutes::addRoutes(Router &router)
{
    router.add(
        "POST", QStringLiteral("/api/v1/sessions"),
        [this](const HttpRequest &request, httplib::Response &response) {
            const QJsonObject body = request.jsonBody();
            const QString userId = HttpRequest::requiredString(body, QStringLiteral("userId"), 256);
            const QString password = HttpRequest::requiredString(body, QStringLiteral("password"));
            Backend &backend = m_context.backend;
            const CredentialCheck::Result result = CredentialCheck(backend).check(userId, password);
            switch (result.kind) {
            case CredentialCheck::Result::Kind::Locked:
                throw ApiAnswers::locked(result.retryAfterMs);
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

    router.add("DELETE", QStringLiteral("/api/v1/sessions/current"),
               [this](const HttpRequest &request, httplib::Response &response) {
                   Backend &backend = m_context.backend;
                   const ApiAnswers::SignedIn signedIn
                       = ApiAnswers::requireSession(backend, request);
                   backend.sessions().revoke(signedIn.token, backend.clock().nowMs());
                   Reply::noContent(response);
               });
}

} // namespace cqrs::stub
