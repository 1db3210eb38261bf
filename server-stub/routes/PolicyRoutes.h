#pragma once

#include "server-stub/routes/RouteModule.h"

namespace cqrs::stub {

// GET /api/v1/password-policy: the parameters the client previews the policy with.
class PolicyRoutes : public RouteModule
{
public:
    explicit PolicyRoutes(const RouteContext &context)
        : m_context(context)
    { }
    void addRoutes(Router &router) override;

private:
    RouteContext m_context;
};

} // namespace cqrs::stub
