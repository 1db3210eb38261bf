#pragma once

#include "server-stub/routes/RouteModule.h"

#include <memory>
#include <vector>

namespace cqrs::stub {

// Everything single sign-on adds to the server, registered with one line in RouteModules.cpp:
// the stand-in identity provider under /idp when --idp is given, and always
// POST /api/v1/sessions/sso, which trusts the external provider named by the context's
// trustIssuer / trustAudience (--trust-issuer / --trust-audience) when given, else the stand-in
// provider, else nobody.
class SingleSignOnRoutes : public RouteModule
{
public:
    explicit SingleSignOnRoutes(const RouteContext &context);
    void addRoutes(Router &router) override;

private:
    std::vector<std::unique_ptr<RouteModule>> m_parts;
};

} // namespace cqrs::stub
