#include "server-stub/routes/ApiRoutes.h"

#include "server-stub/routes/ApiAnswers.h"
#include "server-stub/service/Backend.h"
#include "server-stub/service/NhsMailUserMatch.h"
#include "server-stub/service/RemoteKeySource.h"
#include "server-stub/storage/UsedIdTokens.h"

#include "core/oidc/token/IdTokenValidator.h"
#include "core/oidc/token/IdTokenVerifier.h"

#include <QCoreApplication>

#include <httplib.h>

namespace cqrs::stub {

namespace {

HttpError invalidToken(const QString &message)
{
    return HttpError(api::Errors::InvalidToken, message);
}

// One NHSmail id_token turned into a CQRS session.
class SsoSignIn
{
    Q_DECLARE_TR_FUNCTIONS(cqrs::stub::SsoSessionRoutes)

public:
    SsoSignIn(Backend &backend, std::optional<SsoTrust> trust)
        : m_backend(backend)
        , m_trust(std::move(trust))
        , m_usedTokens(backend.database())
        , m_users(backend)
    { }

    void signIn(const HttpRequest &request, httplib::Response &response) const;

private:
    IdTokenClaims verify(const QString &idToken) const;

    Backend &m_backend;
    std::optional<SsoTrust> m_trust;
    UsedIdTokens m_usedTokens;
    NhsMailUserMatch m_users;
};

void SsoSignIn::signIn(const HttpRequest &request, httplib::Response &response) const
{
    const QString idToken
        = HttpRequest::requiredString(request.jsonBody(), QStringLiteral("idToken"), 16 * 1024);
    const IdTokenClaims claims = verify(idToken);
    const qint64 acceptedUntil = claims.expiresAt.toMSecsSinceEpoch()
        + std::chrono::milliseconds(IdTokenValidator::DefaultSkew).count();
    if (!m_usedTokens.spend(idToken, acceptedUntil, m_backend.clock().nowMs()))
        throw invalidToken(tr("This NHSmail sign-in has already been used. Sign "
                              "in with NHSmail again."));
    const User user = m_users.userFor(claims);
    const SessionStore::Issued issued
        = m_backend.sessions().create(user.userId, m_backend.clock().nowMs());
    Reply::json(response, 201, ApiAnswers::session(issued, user, m_backend.sessions().lifetimes()));
}

IdTokenClaims SsoSignIn::verify(const QString &idToken) const
{
    if (!m_trust)
        throw invalidToken(tr("Single sign-on is not enabled on this server."));
    const Clock &clock = m_backend.clock();
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

} // namespace

SsoTrust SsoTrust::external(const QString &issuer, const QString &audience)
{
    return {[issuer] { return issuer; }, audience, std::make_shared<RemoteKeySource>(issuer)};
}

void addSsoSessionRoutes(Router &router, const RouteContext &context)
{
    const auto signIn = std::make_shared<const SsoSignIn>(context.backend, context.ssoTrust);
    router.add("POST", QString(api::Paths::SsoSessions),
               [signIn](const HttpRequest &request, httplib::Response &response) {
                   signIn->signIn(request, response);
               });
}

} // namespace cqrs::stub
