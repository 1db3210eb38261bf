#pragma once

#include "server-stub/idp/AuthorizationRequest.h"
#include "server-stub/idp/StandInProvider.h"
#include "server-stub/routes/RouteModule.h"

#include <memory>

namespace cqrs::stub {

// The stand-in identity provider's endpoints under /idp (with --idp): discovery, the sign-in
// page, the token endpoint and the key set; with --dev also POST /dev/idp/accounts so tests can
// seed accounts.
class IdpRoutes : public RouteModule
{
public:
    IdpRoutes(const RouteContext &context, std::shared_ptr<const StandInProvider> provider);
    void addRoutes(Router &router) override;

private:
    void authorize(const AuthorizationRequest &request, const QUrlQuery &form,
                   httplib::Response &response) const;
    void token(const HttpRequest &request, httplib::Response &response) const;
    // `refreshFamily`: the family a new refresh token joins; none, no refresh token.
    void issueTokens(httplib::Response &response, const QString &email, const QString &clientId,
                     const QString &nonce, const std::optional<QString> &refreshFamily) const;

    RouteContext m_context;
    std::shared_ptr<const StandInProvider> m_provider;
};

} // namespace cqrs::stub
