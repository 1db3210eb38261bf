#pragma once

#include "server-stub/idp/NhsMailUserMatch.h"
#include "server-stub/idp/UsedIdTokens.h"
#include "server-stub/routes/RouteModule.h"

#include "core/oidc/token/IdTokenValidator.h"
#include "core/oidc/token/SigningKeySource.h"

#include <QCoreApplication>

#include <functional>
#include <memory>

namespace cqrs::stub {

// Whose id_tokens POST /api/v1/sessions/sso accepts: the stand-in provider's (--idp) or an
// external provider's (--trust-issuer / --trust-audience).
struct SsoTrust
{
    std::function<QString()> issuer; // asked per request: the stand-in's depends on the port
    QString audience;
    std::shared_ptr<SigningKeySource> keys;
};

// POST /api/v1/sessions/sso {idToken}: validates the token with the client's own validator,
// spends it (one session per id_token), finds the CQRS user it stands for (NhsMailUserMatch)
// and opens a session exactly as a password sign-in does.
class SsoSessionRoutes : public RouteModule
{
    Q_DECLARE_TR_FUNCTIONS(cqrs::stub::SsoSessionRoutes)

public:
    // Without a trust every token is refused: single sign-on is off.
    SsoSessionRoutes(const RouteContext &context, std::optional<SsoTrust> trust);
    void addRoutes(Router &router) override;

private:
    IdTokenClaims verify(const QString &idToken) const;

    RouteContext m_context;
    std::optional<SsoTrust> m_trust;
    UsedIdTokens m_usedTokens;
    NhsMailUserMatch m_users;
};

} // namespace cqrs::stub
