#include "server-stub/routes/AdminKeyGuard.h"
#include "server-stub/routes/ApiRoutes.h"

#include "server-stub/service/Administration.h"
#include "server-stub/service/Backend.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <memory>

#include <httplib.h>

namespace cqrs::stub {

namespace {

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(AdminRoutes)

public:
    static HttpError unknownUser()
    {
        return {api::Errors::UnknownUser, tr("There is no user with this User ID.")};
    }
    static HttpError exists()
    {
        return {api::Errors::UserExists,
                tr("A user with this User ID already exists. To send them a new link, use "
                   "/api/v1/admin/users/{userId}/invitation.")};
    }
};

} // namespace

void addAdminRoutes(Router &router, const RouteContext &context)
{
    Backend &backend = context.backend;
    // One guard for every admin route, so wrong keys count across them all.
    const auto keyGuard = std::make_shared<AdminKeyGuard>(context.adminKey, backend.clock());
    router.add("POST", QString(api::Paths::AdminUsers),
               [&backend, keyGuard](const HttpRequest &request, httplib::Response &response) {
                   keyGuard->require(request, response);
                   const QJsonObject body = request.jsonBody();
                   User user;
                   user.userId = HttpRequest::requiredString(body, QStringLiteral("userId"), 256);
                   user.email = HttpRequest::requiredString(body, QStringLiteral("email"), 256);
                   user.displayName
                       = HttpRequest::requiredString(body, QStringLiteral("displayName"), 256);
                   user.organisation
                       = HttpRequest::optionalString(body, QStringLiteral("organisation"), 256);
                   user.role = HttpRequest::optionalString(body, QStringLiteral("role"), 256);
                   const Administration::Created created = Administration(backend).createUser(user);
                   switch (created.kind) {
                   case Administration::Created::Kind::Invalid:
                       throw HttpError::badRequest(created.problem);
                   case Administration::Created::Kind::Exists:
                       throw Messages::exists();
                   case Administration::Created::Kind::Created:
                       break;
                   }
                   Reply::json(response, 201, created.user.toJson());
               });

    router.add("GET", QString(api::Paths::AdminUsers),
               [&backend, keyGuard](const HttpRequest &request, httplib::Response &response) {
                   keyGuard->require(request, response);
                   QJsonArray users;
                   for (const User &user : backend.users().all())
                       users.append(user.toJson());
                   Reply::json(response, 200, {{QStringLiteral("users"), users}});
               });

    // These take no body: `curl -d ''` sends a form Content-Type, and the admin key, which a
    // web page cannot have, is what keeps cross-site requests out.
    router.add("POST", QString(api::Paths::AdminInvitation), Router::Body::None,
               [&backend, keyGuard](const HttpRequest &request, httplib::Response &response) {
                   keyGuard->require(request, response);
                   const QString userId = request.pathArgument(0);
                   if (!Administration(backend).reinvite(userId))
                       throw Messages::unknownUser();
                   Reply::json(response, 202, {{QStringLiteral("userId"), userId}});
               });

    router.add("POST", QString(api::Paths::AdminUnlock), Router::Body::None,
               [&backend, keyGuard](const HttpRequest &request, httplib::Response &response) {
                   keyGuard->require(request, response);
                   if (!Administration(backend).unlock(request.pathArgument(0)))
                       throw Messages::unknownUser();
                   Reply::noContent(response);
               });
}

} // namespace cqrs::stub
