#include "server-stub/routes/RouteModules.h"

#include "server-stub/idp/SingleSignOnRoutes.h"
#include "server-stub/routes/AdminRoutes.h"
#include "server-stub/routes/DevRoutes.h"
#include "server-stub/routes/LandingPages.h"
#include "server-stub/routes/LinkRoutes.h"
#include "server-stub/routes/MeRoutes.h"
#include "server-stub/routes/PasswordResetRequestRoutes.h"
#include "server-stub/routes/PolicyRoutes.h"
#include "server-stub/routes/SessionRoutes.h"

namespace cqrs::stub {

std::vector<std::unique_ptr<RouteModule>> routeModules(const RouteContext &context)
{
    std::vector<std::unique_ptr<RouteModule>> modules;
    modules.push_back(std::make_unique<PolicyRoutes>(context));
    modules.push_back(std::make_unique<LinkRoutes>(context, LinkTokenStore::Purpose::Register));
    modules.push_back(std::make_unique<LinkRoutes>(context, LinkTokenStore::Purpose::Reset));
    modules.push_back(std::make_unique<PasswordResetRequestRoutes>(context));
    modules.push_back(std::make_unique<SessionRoutes>(context));
    modules.push_back(std::make_unique<MeRoutes>(context));
    modules.push_back(std::make_unique<AdminRoutes>(context));
    modules.push_back(std::make_unique<LandingPages>(context));
    modules.push_back(std::make_unique<SingleSignOnRoutes>(context));
    if (context.dev)
        modules.push_back(std::make_unique<DevRoutes>(context));
    return modules;
}

} // namespace cqrs::stub
