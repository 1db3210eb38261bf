#include "RouteModules.h"

#include "AdminRoutes.h"
#include "DevRoutes.h"
#include "LandingPages.h"
#include "LinkRoutes.h"
#include "MeRoutes.h"
#include "PasswordResetRequestRoutes.h"
#include "PolicyRoutes.h"
#include "SessionRoutes.h"
#include "SingleSignOnRoutes.h"

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
