#include "core/oidc/flow/OidcSignIn.h"

#include "core/oidc/flow/HttpFetch.h"
#include "core/oidc/flow/HttpKeySource.h"
#include "core/oidc/flow/LoopbackReplyHandler.h"

#include "core/crypto/ConstantTime.h"
#include "core/crypto/SecureRandom.h"
#include "core/oidc/token/IdTokenVerifier.h"

#include <QNetworkAccessManager>
#include <QOAuth2AuthorizationCodeFlow>

namespace cqrs {

namespace {

constexpr int RandomBytes = 32;
// After the result the loopback port stays ours a while, answering a browser that arrives late
// (a login finished after Cancel, a reloaded tab) with a page that sends the person back.
constexpr std::chrono::minutes LateRedirectGrace {2};

} // namespace

OidcSignIn::OidcSignIn(OidcClientConfig config, QObject *parent)
    : OidcSignIn(std::move(config), NetworkAccess(), parent)
{ }

OidcSignIn::OidcSignIn(OidcClientConfig config, const NetworkAccess &network, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(network.createManager(this))
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        fail(tr("The sign-in was not completed in time. If you closed the browser window or it "
                "is still waiting for you, start the sign-in again."));
    });
}

OidcSignIn::~OidcSignIn() = default;

void OidcSignIn::start(const BrowserOpener &openBrowser)
{
    if (isRunning())
        return;
    m_refused = false;
    m_openBrowser = openBrowser;
    discover([this](const ProviderMetadata &metadata) { beginAuthorization(metadata); });
}

void OidcSignIn::refresh(const QString &refreshToken)
{
    if (isRunning())
        return;
    m_refused = false;
    if (refreshToken.isEmpty()) {
        setStep(Step::Discovering);
        return fail(tr("There is no remembered NHSmail sign-in. Sign in with NHSmail again."));
    }
    discover([this, refreshToken](const ProviderMetadata &metadata) {
        beginRefresh(metadata, refreshToken);
    });
}

void OidcSignIn::discover(const std::function<void(const ProviderMetadata &)> &then)
{
    const quint64 attempt = ++m_attempt;
    m_claims = {};
    m_refreshToken.clear();
    setStep(Step::Discovering);
    if (m_config.issuer.isEmpty() || m_config.clientId.isEmpty()) {
        fail(tr("Sign in with NHSmail is not set up on this computer. Ask your IT administrator "
                "to configure it, or sign in with your User ID and password."));
        return;
    }
    m_deadline.start(m_timeout);
    const QUrl discovery = ProviderMetadata::discoveryUrl(m_config.issuer);
    HttpFetch::get(*m_network, discovery, this,
                   [this, attempt, then](const QByteArray &body, const QString &error) {
                       if (attempt != m_attempt)
                           return;
                       if (!error.isEmpty())
                           return fail(error);
                       QString problem;
                       const auto metadata
                           = ProviderMetadata::fromJson(body, m_config.issuer, &problem);
                       if (!metadata)
                           return fail(problem);
                       then(*metadata);
                   });
}

void OidcSignIn::cancel()
{
    if (!isRunning())
        return;
    tearDown(LoopbackReplyHandler::Page::Cancelled);
    setStep(Step::Idle);
}

void OidcSignIn::setStep(Step step)
{
    if (m_step == step)
        return;
    m_step = step;
    emit stepChanged(step);
}

QOAuth2AuthorizationCodeFlow *OidcSignIn::prepareFlow(const ProviderMetadata &metadata)
{
    if (!m_keys || m_jwksUri != metadata.jwksUri) {
        m_keys = std::make_unique<HttpKeySource>(*m_network, metadata.jwksUri);
        m_jwksUri = metadata.jwksUri;
    }
    auto *handler = new LoopbackReplyHandler(this);
    if (!handler->listenOnLoopback()) {
        delete handler;
        fail(tr("Could not open a local connection for the browser to return to. "
                "Restart CQRS Desktop and try again."));
        return nullptr;
    }
    // A new flow object for every attempt: Qt 6.4 keeps state and status from the last one.
    auto *flow = new QOAuth2AuthorizationCodeFlow(m_network, this);
    m_flow = flow;
    m_replyHandler = handler;
    flow->setAuthorizationUrl(metadata.authorizationEndpoint);
    flow->setAccessTokenUrl(metadata.tokenEndpoint);
    flow->setClientIdentifier(m_config.clientId);
    flow->setScope(m_config.scopes.join(QLatin1Char(' ')));
    flow->setReplyHandler(handler);
    connect(flow, &QAbstractOAuth::granted, this, &OidcSignIn::onGranted);
    connect(handler, &LoopbackReplyHandler::tokenRequestFailed, this, &OidcSignIn::fail);
    connect(handler, &LoopbackReplyHandler::startPageOpenedTwice, this, [this] {
        fail(tr("The NHSmail sign-in page was opened twice, so another program on this computer "
                "may have seen it. To be safe, start the sign-in again."));
    });
    connect(handler, &LoopbackReplyHandler::grantRefused, this, [this](const QString &message) {
        m_refused = isRunning();
        fail(message);
    });
    return flow;
}

void OidcSignIn::beginAuthorization(const ProviderMetadata &metadata)
{
    QOAuth2AuthorizationCodeFlow *flow = prepareFlow(metadata);
    if (!flow)
        return;
    m_state = SecureRandom::base64Url(RandomBytes);
    m_nonce = SecureRandom::base64Url(RandomBytes);
    m_pkce = Pkce::generate();
    flow->setState(m_state);
    flow->setModifyParametersFunction(
        [nonce = m_nonce, pkce = m_pkce](QAbstractOAuth::Stage stage,
                                         QMultiMap<QString, QVariant> *parameters) {
            if (stage == QAbstractOAuth::Stage::RequestingAuthorization) {
                parameters->insert(QStringLiteral("nonce"), nonce);
                parameters->insert(QStringLiteral("code_challenge"), pkce.challenge);
                parameters->insert(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
            } else if (stage == QAbstractOAuth::Stage::RequestingAccessToken) {
                const QString key = QStringLiteral("code");
                const QByteArray twiceEncoded = parameters->value(key).toString().toUtf8();
                parameters->replace(key, QUrl::fromPercentEncoding(twiceEncoded));
                parameters->insert(QStringLiteral("code_verifier"), pkce.verifier);
            }
        });
    connect(flow, &QAbstractOAuth::authorizeWithBrowser, this, [this](const QUrl &url) {
        setStep(Step::WaitingForBrowser);
        if (!m_openBrowser || !m_openBrowser(m_replyHandler->startPageFor(url)))
            fail(tr("Your web browser could not be opened for the NHSmail sign-in. Check that "
                    "a default browser is set, then try again."));
    });
    connect(flow, &QAbstractOAuth2::authorizationCallbackReceived, this,
            &OidcSignIn::onAuthorizationCallback);
    flow->grant();
}

void OidcSignIn::beginRefresh(const ProviderMetadata &metadata, const QString &refreshToken)
{
    QOAuth2AuthorizationCodeFlow *flow = prepareFlow(metadata);
    if (!flow)
        return;
    setStep(Step::Refreshing);
    // Entra ID answers a refresh with an id_token only when "openid" is asked for again.
    flow->setModifyParametersFunction(
        [scope = flow->scope()](QAbstractOAuth::Stage stage,
                                QMultiMap<QString, QVariant> *parameters) {
            if (stage == QAbstractOAuth::Stage::RefreshingAccessToken)
                parameters->replace(QStringLiteral("scope"), scope);
        });
    flow->setRefreshToken(refreshToken);
    flow->refreshAccessToken();
}

void OidcSignIn::onAuthorizationCallback(const QVariantMap &data)
{
    if (m_step != Step::WaitingForBrowser)
        return;
    const QString error = data.value(QStringLiteral("error")).toString();
    const QString state = data.value(QStringLiteral("state")).toString();
    const QString code = data.value(QStringLiteral("code")).toString();
    // The reply handler matches every path: the browser's /favicon.ico request lands here too.
    if (error.isEmpty() && state.isEmpty() && code.isEmpty())
        return;
    using Page = LoopbackReplyHandler::Page;
    // Any program on this computer can send the loopback address an answer; one without this
    // attempt's state is not the browser's, so it is ignored (as Qt's flow ignores it) and the
    // genuine redirect can still arrive.
    if (!equalInConstantTime(state.toUtf8(), m_state.toUtf8()))
        return m_replyHandler->answerBrowserWith(Page::NotOurs);
    if (error == QLatin1String("access_denied")) {
        m_replyHandler->answerBrowserWith(Page::Cancelled);
        return fail(tr("The NHSmail sign-in was cancelled or refused. Start the sign-in again "
                       "if you want to sign in with NHSmail."));
    }
    m_replyHandler->answerBrowserWith(error.isEmpty() && !code.isEmpty() ? Page::Received
                                                                         : Page::Failed);
    if (!error.isEmpty())
        return fail(tr("NHSmail could not sign you in (%1). Try again, and if it keeps "
                       "happening contact the service desk.")
                        .arg(error.left(64)));
    if (code.isEmpty())
        return fail(tr("NHSmail did not complete the sign-in. Start the sign-in again."));
    setStep(Step::RedeemingCode);
}

void OidcSignIn::onGranted()
{
    if (!m_flow || (m_step != Step::RedeemingCode && m_step != Step::Refreshing))
        return;
    // A refreshed id_token answers no authorization request of ours, so it has no nonce to
    // match (OpenID Connect Core §12.2); everything else is checked the same.
    const std::optional<QString> nonce
        = m_step == Step::Refreshing ? std::nullopt : std::optional<QString>(m_nonce);
    const QString idToken = m_flow->extraTokens().value(QStringLiteral("id_token")).toString();
    const QString refreshToken = m_flow->refreshToken();
    if (idToken.isEmpty())
        return fail(tr("NHSmail did not say who signed in. Ask your IT administrator to check "
                       "that the sign-in settings include the \"openid\" scope."));
    setStep(Step::CheckingToken);
    const quint64 attempt = m_attempt;
    const IdTokenVerifier verifier(IdTokenValidator({m_config.issuer, m_config.clientId, nonce}),
                                   *m_keys);
    verifier.verify(idToken.toLatin1(), [this, attempt, idToken, refreshToken](IdTokenCheck check) {
        if (attempt != m_attempt)
            return;
        if (!check.isValid())
            return fail(check.message);
        m_refreshToken = refreshToken;
        succeed(idToken, *check.claims);
    });
}

void OidcSignIn::succeed(const QString &idToken, const IdTokenClaims &claims)
{
    tearDown(LoopbackReplyHandler::Page::Received);
    m_claims = claims;
    setStep(Step::Idle);
    emit finished(idToken);
}

void OidcSignIn::fail(const QString &message)
{
    if (!isRunning())
        return;
    tearDown(LoopbackReplyHandler::Page::Failed);
    setStep(Step::Idle);
    emit failed(message);
}

void OidcSignIn::tearDown(LoopbackReplyHandler::Page latePage)
{
    ++m_attempt;
    m_deadline.stop();
    m_state.clear();
    m_nonce.clear();
    m_pkce = {};
    if (m_flow) {
        disconnect(m_flow, nullptr, this, nullptr);
        m_flow->deleteLater();
    }
    if (m_replyHandler) {
        disconnect(m_replyHandler, nullptr, this, nullptr);
        m_replyHandler->stopWaiting(latePage);
        QTimer::singleShot(LateRedirectGrace, m_replyHandler.data(), &QObject::deleteLater);
    }
}

} // namespace cqrs
