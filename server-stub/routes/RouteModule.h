#pragma once

#include "server-stub/http/Router.h"

namespace cqrs::stub {

class Backend;

// What a route module gets: the shared backend and the serve command's switches.
struct RouteContext
{
    Backend &backend;
    QString adminKey; // empty: the admin API answers 401
    bool dev = false;
    bool idp = false;
    QString trustIssuer; // --trust-issuer: an external OpenID provider's issuer URL
    QString trustAudience; // --trust-audience: the client id its tokens must be issued to
};

// One area of the API. A module adds its routes to the router and keeps no per-request state:
// handlers run concurrently on many worker threads.
class RouteModule
{
public:
    virtual ~RouteModule() = default;
    virtual void addRoutes(Router &router) = 0;
};

} // namespace cqrs::stub
