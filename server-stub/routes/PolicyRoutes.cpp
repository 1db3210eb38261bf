#include "server-stub/routes/ApiRoutes.h"

#include "server-stub/http/HttpError.h"
#include "server-stub/service/Backend.h"

#include <QJsonDocument>

#include <httplib.h>

namespace cqrs::stub {

void addPolicyRoutes(Router &router, const RouteContext &context)
{
    Backend &backend = context.backend;
    // The policy does not change while the server runs: serialise it once.
    const std::string body
        = QJsonDocument(backend.policy().toJson()).toJson(QJsonDocument::Compact).toStdString();
    router.add("GET", QString(api::Paths::PasswordPolicy),
               [body](const HttpRequest &, httplib::Response &response) {
                   response.set_content(body, "application/json");
               });
}

} // namespace cqrs::stub
