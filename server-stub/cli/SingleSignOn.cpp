#include "server-stub/cli/Commands.h"

#include "server-stub/idp/IdpRoutes.h"
#include "server-stub/service/Backend.h"

namespace cqrs::stub::Commands {

// The one place the two wings meet: the stand-in provider (idp/) and the API's
// POST /api/v1/sessions/sso (routes/) know nothing of each other.
std::optional<SsoTrust> singleSignOn(Router &router, Backend &backend, const SsoSwitches &switches)
{
    std::optional<SsoTrust> trust;
    if (switches.idp) {
        auto provider = std::make_shared<const StandInProvider>(backend);
        // Only `serve` gets here, so this is the server starting, as in serve() itself.
        provider->accounts().forgetSignInsInProgress();
        trust = SsoTrust {[provider] { return provider->issuer(); }, StandInProvider::clientId(),
                          std::make_shared<FixedKeySource>(provider->signingKey().publicKeys())};
        addIdpRoutes(router, backend.clock(), switches.dev, std::move(provider));
    }
    if (!switches.trustIssuer.isEmpty())
        trust = SsoTrust::external(switches.trustIssuer, switches.trustAudience);
    return trust;
}

} // namespace cqrs::stub::Commands
