#pragma once

#include "server-stub/routes/RouteModule.h"

namespace cqrs::stub {

// GET /register?token= and /reset?token=: the page an email link opens, which hands over to the
// app.
class LandingPages : public RouteModule
{
public:
    explicit LandingPages(const RouteContext &context)
        : m_context(context)
    { }
    void addRoutes(Router &router) override;

private:
    RouteContext m_context;
};

} // namespace cqrs::stub
