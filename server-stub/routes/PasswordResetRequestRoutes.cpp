#include "server-stub/routes/ApiRoutes.h"

#include "server-stub/http/HttpError.h"
#include "server-stub/service/Backend.h"
#include "server-stub/service/LinkMail.h"

#include <QCoreApplication>

#include <httplib.h>

namespace cqrs::stub {

namespace {

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(PasswordResetRequestRoutes)

public:
    static QString accepted()
    {
        return tr("If this User ID belongs to a registered account, a link to reset the "
                  "password has been sent to its email address. The link works for one hour.");
    }
    static HttpError tooMany()
    {
        return {api::Errors::TooManyRequests,
                tr("Several reset links have been asked for this User ID recently. Use the "
                   "latest email, or try again in an hour.")};
    }
};

} // namespace

void addPasswordResetRequestRoutes(Router &router, const RouteContext &context)
{
    Backend &backend = context.backend;
    router.add("POST", QString(api::Paths::PasswordResets),
               [&backend](const HttpRequest &request, httplib::Response &response) {
                   const QString userId = HttpRequest::requiredString(
                       request.jsonBody(), QStringLiteral("userId"), 256);
                   if (!backend.resetLimiter().allow(userId, backend.clock().nowMs()))
                       throw Messages::tooMany();
                   // Only a registered user can reset; anyone else learns nothing from the
                   // answer or its timing, since even the lookup happens after the answer. A
                   // user still registering uses (or asks again for) the invitation.
                   backend.mailQueue().post([&backend, userId] {
                       const std::optional<User> user = backend.users().find(userId);
                       if (user && user->hasPassword())
                           LinkMail(backend).sendReset(*user);
                   });
                   Reply::json(response, 202, {{QStringLiteral("message"), Messages::accepted()}});
               });
}

} // namespace cqrs::stub
