#pragma once

#include "server-stub/routes/RouteModule.h"

namespace cqrs::stub {

// --dev only: GET /dev/outbox (the emails sent) and POST /dev/clock (move time forward).
class DevRoutes : public RouteModule
{
public:
    explicit DevRoutes(const RouteContext &context)
        : m_context(context)
    { }
    void addRoutes(Router &router) override;

private:
    RouteContext m_context;
};

} // namespace cqrs::stub
