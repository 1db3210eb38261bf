#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

namespace cqrs::stub {

// An OpenID Connect authorization request to the stand-in provider, from the query of
// GET /idp/authorize or the fields of the sign-in form posted back.
//
// RFC 6749 §4.1.2.1: when the client or the redirect address is wrong the person is told on
// the page and never redirected (that would make the provider an open redirector); every other
// mistake goes back to the client as ?error=invalid_request.
class AuthorizationRequest
{
    Q_DECLARE_TR_FUNCTIONS(cqrs::stub::AuthorizationRequest)

public:
    QString responseType;
    QString clientId;
    QString redirectUri;
    QString scope;
    QString state;
    QString nonce;
    QString codeChallenge;
    QString codeChallengeMethod;

    using Parameter = std::function<QString(const char *name)>;
    static AuthorizationRequest from(const Parameter &parameter);

    // Non-empty when the request must not be redirected anywhere: shown on the page.
    QString pageProblem(const QString &expectedClientId) const;
    // Non-empty when the client sent a bad request: goes back in ?error_description=.
    QString clientProblem() const;

    // The redirect back to the client with `parameters` and this request's state.
    QUrl redirect(QUrlQuery parameters) const;

    // RFC 8252 §7.3: http to the loopback address with a port, as native apps use.
    static bool isLoopbackRedirect(const QUrl &url);
    // [A-Za-z0-9_-]{1,max}: nothing in a state, nonce or challenge needs percent-encoding.
    static bool isUrlSafe(const QString &text, qsizetype max = 512);
};

} // namespace cqrs::stub
