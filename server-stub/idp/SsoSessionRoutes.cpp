#include "server-stub/idp/SsoSessionRoutes.h"

#include "server-stub/routes/ApiAnswers.h"
#include "server-stub/service/Backend.h"

#include "core/oidc/token/IdTokenVerifier.h"

#include <httplib.h>

namespace cqrs::stub {

namespace {

HttpError invalidToken(const QString &message)
{
    return HttpError(401, QStringLiteral("invalid_token"), message);
}

} // namespace

SsoSessionRoutes::SsoSessionRoutes(const RouteContext &context, std::optional<SsoTrust> trust)
    : m_context(context)
    , m_trust(std::move(trust))
    , m_usedTokens(context.backend.database())
    , m_users(context.backend)
{ }

void SsoSessionRoutes::addRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/api/v1/sessions/sso"),
               [this](const HttpRequest &request, httplib::Response &response) {
                   const QString idToken = HttpRequest::requiredString(
                       request.jsonBody(), QStringLiteral("idToken"), 16 * 1024);
                   const IdTokenClaims claims = verify(idToken);
                   Backend &backend = m_context.backend;
                   const qint64 acceptedUntil = claims.expiresAt.toMSecsSinceEpoch()
                       + std::chrono::milliseconds(IdTokenValidator::DefaultSkew).count();
                   if (!m_usedTokens.spend(idToken, acceptedUntil, backend.clock().nowMs()))
                       throw invalidToken(tr("This NHSmail sign-in has already been used. Sign "
                                             "in with NHSmail again."));
                   const User user = m_users.userFor(claims);
                   const SessionStore::Issued issued
                       = backend.sessions().create(user.userId, backend.clock().nowMs());
                   Reply::json(response, 201,
                               ApiAnswers::session(issued, user, backend.sessions().lifetimes()));
               });
}

IdTokenClaims SsoSessionRoutes::verify(const QString &idToken) const
{
    if (!m_trust)
        throw invalidToken(tr("Single sign-on is not enabled on this server."));
    const Clock &clock = m_context.backend.clock();
    // The server never saw the authorization request, so it has no nonce to check: the
    // client checked it before sending the token here.
    IdTokenValidator validator({m_trust->issuer(), m_trust->audience, std::nullopt},
                               [&clock] { return clock.now(); });
    std::optional<IdTokenCheck> result;
    IdTokenVerifier(validator, *m_trust->keys).verify(idToken.toLatin1(), [&](IdTokenCheck check) {
        result = std::move(check);
    });
    if (!result || !result->isValid())
        throw invalidToken(result ? result->message
                                  : tr("The sign-in token could not be checked."));
    return *result->claims;
}

} // namespace cqrs::stub
