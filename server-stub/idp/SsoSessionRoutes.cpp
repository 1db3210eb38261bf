#include "server-stub/idp/SsoSessionRoutes.h"

#include "server-stub/routes/ApiAnswers.h"
#include "server-stub/service/Backend.h"

#include "core/oidc/token/IdTokenVerifier.h"
#include "core/oidc/token/NhsMailAddress.h"

#include <httplib.h>

namespace cqrs::stub {

namespace {

HttpError invalidToken(const QString &message)
{
    return HttpError(401, QStringLiteral("invalid_token"), message);
}

HttpError notRegistered(const QString &message)
{
    return HttpError(403, QStringLiteral("not_registered"), message);
}

} // namespace

SsoSessionRoutes::SsoSessionRoutes(const RouteContext &context, std::optional<SsoTrust> trust)
    : m_context(context)
    , m_trust(std::move(trust))
{ }

void SsoSessionRoutes::addRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/api/v1/sessions/sso"),
               [this](const HttpRequest &request, httplib::Response &response) {
                   const QString idToken = HttpRequest::requiredString(
                       request.jsonBody(), QStringLiteral("idToken"), 16 * 1024);
                   const IdTokenClaims claims = verify(idToken);
                   if (!NhsMailAddress::isNhsMail(claims.email))
                       throw notRegistered(
                           tr("Sign in with NHSmail is only for NHSmail addresses (ending in "
                              "nhs.net). Sign in with your CQRS User ID and password instead."));
                   Backend &backend = m_context.backend;
                   const QList<User> users = backend.users().findByEmail(claims.email);
                   if (users.isEmpty())
                       throw notRegistered(
                           tr("No CQRS account uses the NHSmail address %1. Ask your CQRS User "
                              "Administrator to add you with this address.")
                               .arg(claims.email));
                   // Picking one would sign the person in as whoever was added first.
                   if (users.size() > 1)
                       throw notRegistered(
                           tr("More than one CQRS account uses this NHSmail address. Ask your "
                              "CQRS User Administrator to fix it, or sign in with your User ID "
                              "and password."));
                   const User &user = users.first();
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
