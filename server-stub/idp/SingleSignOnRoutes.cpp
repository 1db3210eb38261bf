#include "server-stub/idp/SingleSignOnRoutes.h"

#include "server-stub/idp/IdpRoutes.h"
#include "server-stub/idp/RemoteKeySource.h"
#include "server-stub/idp/SsoSessionRoutes.h"

namespace cqrs::stub {

SingleSignOnRoutes::SingleSignOnRoutes(const RouteContext &context)
{
    std::optional<SsoTrust> trust;
    if (context.idp) {
        auto provider = std::make_shared<const StandInProvider>(context.backend);
        trust = SsoTrust {[provider] { return provider->issuer(); }, StandInProvider::clientId(),
                          std::make_shared<FixedKeySource>(provider->signingKey().publicKeys())};
        m_parts.push_back(std::make_unique<IdpRoutes>(context, provider));
    }
    if (!context.trustIssuer.isEmpty()) {
        const QString issuer = context.trustIssuer;
        trust = SsoTrust {[issuer] { return issuer; }, context.trustAudience,
                          std::make_shared<RemoteKeySource>(issuer)};
    }
    m_parts.push_back(std::make_unique<SsoSessionRoutes>(context, std::move(trust)));
}

void SingleSignOnRoutes::addRoutes(Router &router)
{
    for (const auto &part : m_parts)
        part->addRoutes(router);
}

} // namespace cqrs::stub
