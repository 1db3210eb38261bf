#pragma once

#include "core/oidc/token/SigningKeySource.h"

#include <QString>

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

    // An external provider, its keys fetched from its discovery document (RemoteKeySource).
    static SsoTrust external(const QString &issuer, const QString &audience);
};

} // namespace cqrs::stub
