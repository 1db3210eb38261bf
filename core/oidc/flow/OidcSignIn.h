#pragma once

#include "core/oidc/flow/LoopbackReplyHandler.h"
#include "core/oidc/token/IdTokenValidator.h"
#include "core/oidc/token/Pkce.h"
#include "core/oidc/token/ProviderMetadata.h"
#include "core/transport/NetworkAccess.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QOAuth2AuthorizationCodeFlow;

namespace cqrs {

class HttpKeySource;

// Which OpenID provider to sign in with, and as which client: comes from configuration
// (IT admin policy first), never from a link or a server answer.
struct OidcClientConfig
{
    QString issuer; // e.g. https://login.microsoftonline.com/<tenant>/v2.0
    QString clientId; // the app registration's client id
    // Add "offline_access" for a refresh token, so the sign-in can be remembered.
    QStringList scopes {QStringLiteral("openid"), QStringLiteral("profile"),
                        QStringLiteral("email")};
};

// One "Sign in with NHSmail": the OpenID Connect authorization-code flow of a native app
// (RFC 8252, RFC 9700) on QOAuth2AuthorizationCodeFlow. Discovery, the system browser through
// the given opener, a loopback redirect, PKCE S256, state and nonce, and full id_token
// validation. Ends exactly once per start() in finished() or failed(), unless cancel() is
// called first (then it ends silently).
//
// Qt 6.4 flaws handled here (fixed upstream only in 6.6-6.9): a time-seeded, reused `state`
// (a fresh one from the system CSPRNG before every grant); a state mismatch or token error
// that emits nothing (checked here and in LoopbackReplyHandler, with an overall time limit as
// the last resort); a loopback listener without limits (LoopbackReplyHandler has its own; a
// request to it without any OAuth parameter is ignored); the authorization code percent-encoded
// twice (decoded once at Stage::RequestingAccessToken); the id_token arriving in extraTokens(); a
// failed refresh sticking in RefreshingToken (each attempt uses a new flow object).
//
// refresh() signs in again without the browser, with a refresh token kept from an earlier
// sign-in in the credential store; it ends the same way.
class OidcSignIn : public QObject
{
    Q_OBJECT

public:
    enum class Step {
        Idle,
        Discovering,
        WaitingForBrowser,
        RedeemingCode,
        Refreshing,
        CheckingToken
    };
    Q_ENUM(Step)

    // Opens the URL in the person's browser; false when no browser could be started. The app
    // passes QDesktopServices::openUrl; tests pass a browser of their own.
    using BrowserOpener = std::function<bool(const QUrl &)>;

    static constexpr std::chrono::minutes DefaultTimeout {5};

    explicit OidcSignIn(OidcClientConfig config, QObject *parent = nullptr);
    // Connections configured by IT policy, the same as the CQRS server's (ApiClient).
    OidcSignIn(OidcClientConfig config, const NetworkAccess &network, QObject *parent = nullptr);
    ~OidcSignIn() override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

    Step step() const { return m_step; }
    bool isRunning() const { return m_step != Step::Idle; }

    // Valid after finished(): who signed in, and the refresh token when the provider gave one
    // (for the credential store; never log it).
    const IdTokenClaims &claims() const { return m_claims; }
    const QString &refreshToken() const { return m_refreshToken; }
    // Valid after failed(): the provider answered and refused the code or refresh token, so it
    // is no use again; false when the provider could not be reached or answered nonsense.
    bool wasRefused() const { return m_refused; }

public slots:
    void start(const cqrs::OidcSignIn::BrowserOpener &openBrowser);
    void refresh(const QString &refreshToken);
    void cancel();

signals:
    void stepChanged(cqrs::OidcSignIn::Step step);
    // A validated id_token, to exchange for a CQRS session (ApiClient::signInWithIdToken).
    void finished(const QString &idToken);
    // Plain English, ready to show; says what to do next.
    void failed(const QString &message);

private:
    void setStep(Step step);
    void discover(const std::function<void(const ProviderMetadata &)> &then);
    QOAuth2AuthorizationCodeFlow *prepareFlow(const ProviderMetadata &metadata);
    void beginAuthorization(const ProviderMetadata &metadata);
    void beginRefresh(const ProviderMetadata &metadata, const QString &refreshToken);
    void onAuthorizationCallback(const QVariantMap &data);
    void onGranted();
    void succeed(const QString &idToken, const IdTokenClaims &claims);
    void fail(const QString &message);
    // `latePage` answers any redirect that still arrives.
    void tearDown(LoopbackReplyHandler::Page latePage);

    OidcClientConfig m_config;
    QNetworkAccessManager *m_network = nullptr;
    QTimer m_deadline;
    std::chrono::milliseconds m_timeout = DefaultTimeout;
    Step m_step = Step::Idle;
    // Bumped by every start/cancel, so answers from an abandoned attempt are dropped.
    quint64 m_attempt = 0;

    QPointer<QOAuth2AuthorizationCodeFlow> m_flow;
    QPointer<LoopbackReplyHandler> m_replyHandler;
    std::unique_ptr<HttpKeySource> m_keys;
    QUrl m_jwksUri;
    BrowserOpener m_openBrowser;
    QString m_state;
    QString m_nonce;
    Pkce m_pkce;

    IdTokenClaims m_claims;
    QString m_refreshToken;
    bool m_refused = false;
};

} // namespace cqrs
