#pragma once

#include "server-stub/routes/RouteModule.h"

namespace cqrs::stub {

// Sign in (POST /api/v1/sessions) and sign out (DELETE /api/v1/sessions/current).
class SessionRoutes : public RouteModule
{
public:
    explicit SessionRoutes(const RouteContext &context)
        : m_context(context)
    { }
    void addRoutes(Router &router) override;

private:
    RouteContext m_context;
};

} // namespace cqrs::stub
