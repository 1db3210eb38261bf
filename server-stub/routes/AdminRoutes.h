#pragma once

#include "server-stub/routes/AdminKeyGuard.h"
#include "server-stub/routes/RouteModule.h"

namespace cqrs::stub {

// The admin API (Bearer admin key): create users, send a new link, unlock, list.
class AdminRoutes : public RouteModule
{
public:
    explicit AdminRoutes(const RouteContext &context);
    void addRoutes(Router &router) override;

private:
    RouteContext m_context;
    AdminKeyGuard m_keyGuard;
};

} // namespace cqrs::stub
