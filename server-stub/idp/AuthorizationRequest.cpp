#include "server-stub/idp/AuthorizationRequest.h"

#include "core/crypto/SecretToken.h"

#include <QStringList>

namespace cqrs::stub {

namespace {

// 32 bytes of SHA-256 in unpadded base64url.
constexpr qsizetype S256ChallengeLength = 43;

} // namespace

AuthorizationRequest AuthorizationRequest::from(const Parameter &parameter)
{
    return {parameter("response_type"),  parameter("client_id"),
            parameter("redirect_uri"),   parameter("scope"),
            parameter("state"),          parameter("nonce"),
            parameter("code_challenge"), parameter("code_challenge_method")};
}

QString AuthorizationRequest::pageProblem(const QString &expectedClientId) const
{
    if (clientId != expectedClientId)
        return tr("This sign-in was started by an application this provider does not know "
                  "(client_id \"%1\"). Start the sign-in again from CQRS Desktop.")
            .arg(clientId.left(64));
    if (!isLoopbackRedirect(QUrl(redirectUri, QUrl::StrictMode)))
        return tr("This sign-in asks to return to an address that is not this computer's "
                  "loopback address. Start the sign-in again from CQRS Desktop.");
    return {};
}

QString AuthorizationRequest::clientProblem() const
{
    if (responseType != QLatin1String("code"))
        return QStringLiteral("response_type must be code");
    if (!scope.split(QLatin1Char(' ')).contains(QLatin1String("openid")))
        return QStringLiteral("scope must include openid");
    if (!isUrlSafe(state))
        return QStringLiteral("state is required and must be [A-Za-z0-9_-]");
    if (!isUrlSafe(nonce))
        return QStringLiteral("nonce is required and must be [A-Za-z0-9_-]");
    if (codeChallengeMethod != QLatin1String("S256") || codeChallenge.isEmpty())
        return QStringLiteral("PKCE is required: code_challenge with code_challenge_method S256");
    // RFC 7636 §4.2: an S256 challenge is a SHA-256 in base64url, so one length only.
    if (codeChallenge.size() != S256ChallengeLength || !isUrlSafe(codeChallenge))
        return QStringLiteral("code_challenge must be %1 base64url characters: the SHA-256 of "
                              "the code_verifier")
            .arg(S256ChallengeLength);
    return {};
}

QUrl AuthorizationRequest::redirect(QUrlQuery parameters) const
{
    if (isUrlSafe(state))
        parameters.addQueryItem(QStringLiteral("state"), state);
    QUrl url(redirectUri, QUrl::StrictMode);
    url.setQuery(parameters);
    return url;
}

bool AuthorizationRequest::isLoopbackRedirect(const QUrl &url)
{
    if (!url.isValid() || url.scheme() != QLatin1String("http") || url.port() <= 0
        || !url.userInfo().isEmpty() || url.hasFragment() || url.hasQuery())
        return false;
    // RFC 8252 §8.3 and docs/design.md §3: the literal addresses only, as "localhost" may resolve
    // to something that is not this computer.
    static const QStringList loopback {QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
    return loopback.contains(url.host());
}

bool AuthorizationRequest::isUrlSafe(const QString &text, qsizetype max)
{
    return !text.isEmpty() && text.size() <= max && SecretToken::isUrlSafeText(text);
}

} // namespace cqrs::stub
