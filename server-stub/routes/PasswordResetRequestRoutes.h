#pragma once

#include "server-stub/routes/RouteModule.h"

namespace cqrs::stub {

// POST /api/v1/password-resets: "I forgot my password". Always 202, so it reveals nothing.
class PasswordResetRequestRoutes : public RouteModule
{
public:
    explicit PasswordResetRequestRoutes(const RouteContext &context)
        : m_context(context)
    { }
    void addRoutes(Router &router) override;

private:
    RouteContext m_context;
};

} // namespace cqrs::stub
