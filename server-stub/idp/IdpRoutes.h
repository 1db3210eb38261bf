#pragma once

#include "server-stub/http/Router.h"
#include "server-stub/idp/StandInProvider.h"

#include <memory>

namespace cqrs::stub {

class Clock;

// The stand-in identity provider's endpoints under /idp (with --idp): discovery, the sign-in
// page, the token endpoint and the key set; with `dev` (--dev) also POST /dev/idp/accounts so
// tests can seed accounts.
void addIdpRoutes(Router &router, const Clock &clock, bool dev,
                  std::shared_ptr<const StandInProvider> provider);

} // namespace cqrs::stub
