#pragma once

#include "server-stub/routes/RouteModule.h"

#include <memory>
#include <vector>

namespace cqrs::stub {

// Every route module the server runs: the one place a new area of the API is added.
std::vector<std::unique_ptr<RouteModule>> routeModules(const RouteContext &context);

} // namespace cqrs::stub
