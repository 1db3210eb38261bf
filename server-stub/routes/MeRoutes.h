#pragma once

#include "server-stub/routes/RouteModule.h"

namespace cqrs::stub {

// The signed-in user: GET /api/v1/me and POST /api/v1/me/password.
class MeRoutes : public RouteModule
{
public:
    explicit MeRoutes(const RouteContext &context)
        : m_context(context)
    { }
    void addRoutes(Router &router) override;

private:
    RouteContext m_context;
};

} // namespace cqrs::stub
