#include "server-stub/routes/ApiRoutes.h"

namespace cqrs::stub {

void addApiRoutes(Router &router, const RouteContext &context)
{
    addPolicyRoutes(router, context);
    addLinkRoutes(router, context, LinkTokenStore::Purpose::Register);
    addLinkRoutes(router, context, LinkTokenStore::Purpose::Reset);
    addPasswordResetRequestRoutes(router, context);
    addSessionRoutes(router, context);
    addSsoSessionRoutes(router, context);
    addMeRoutes(router, context);
    addAdminRoutes(router, context);
    addLandingPages(router, context);
    if (context.dev)
        addDevRoutes(router, context);
}

} // namespace cqrs::stub
