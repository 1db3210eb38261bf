#include "server-stub/idp/IdpRoutes.h"

#include "server-stub/http/HttpError.h"
#include "server-stub/idp/SignInPage.h"
#include "server-stub/time/Clock.h"

#include "core/crypto/SecureRandom.h"
#include "core/oidc/token/Pkce.h"

#include <QCoreApplication>

#include <httplib.h>

namespace cqrs::stub {

namespace {

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(IdpRoutes)

public:
    static QString wrongCredentials(const SignInThrottle::Limits &lockout)
    {
        return tr("The email address or password is not right. Check them and try again. After "
                  "%n wrong password(s) in a row, signing in is paused for %1 minute(s).",
                  nullptr, lockout.maxFailures)
            .arg(lockout.lockoutMs / 60000);
    }
    static QString paused(qint64 lockedForMs)
    {
        const int minutes = int((lockedForMs + 59999) / 60000);
        return tr("Too many wrong passwords in a row: signing in with this email address is "
                  "paused. Try again in %n minute(s).",
                  nullptr, minutes);
    }
    static QString busy()
    {
        return tr("Other sign-ins with this email address are being checked at this moment. "
                  "Wait a second, then try again.");
    }
    static QString badCode()
    {
        return tr("The authorization code is unknown, expired or already used.");
    }
    static QString wrongClient()
    {
        return tr("The authorization code was issued to another client or redirect address.");
    }
    static QString wrongVerifier()
    {
        return tr("The PKCE code_verifier is missing or does not match the code_challenge.");
    }
    static QString notForm()
    {
        return tr("The token request must be application/x-www-form-urlencoded.");
    }
    static QString unsupportedGrant()
    {
        return tr("Only grant_type authorization_code and refresh_token are supported.");
    }
    static QString badRefreshToken()
    {
        return tr("The refresh token is unknown, expired, already used or not this client's.");
    }
};

// application/x-www-form-urlencoded, where '+' is a space (a literal plus arrives as %2B).
QUrlQuery formOf(const httplib::Request &raw)
{
    return QUrlQuery(QString::fromUtf8(QByteArray::fromStdString(raw.body)).replace(u'+', u' '));
}

QString field(const QUrlQuery &form, const char *name)
{
    return form.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
}

// RFC 6749 §5.2: {"error": code, "error_description": ...}, plus the API's "message".
HttpError oauthError(const char *code, const QString &description)
{
    return HttpError(400, QLatin1String(code), description,
                     {{QStringLiteral("error_description"), description}});
}

// The endpoints' shared state; every handler keeps it alive.
class IdpEndpoints : public std::enable_shared_from_this<IdpEndpoints>
{
public:
    IdpEndpoints(const Clock &clock, bool dev, std::shared_ptr<const StandInProvider> provider)
        : m_clock(clock)
        , m_dev(dev)
        , m_provider(std::move(provider))
    { }
    void addRoutes(Router &router);

private:
    void authorize(const AuthorizationRequest &request, const QUrlQuery &form,
                   httplib::Response &response) const;
    void token(const HttpRequest &request, httplib::Response &response) const;
    // `refreshFamily`: the family a new refresh token joins; none, no refresh token.
    void issueTokens(httplib::Response &response, const QString &email, const QString &clientId,
                     const QString &nonce, const std::optional<QString> &refreshFamily) const;

    const Clock &m_clock;
    const bool m_dev;
    std::shared_ptr<const StandInProvider> m_provider;
};

void IdpEndpoints::addRoutes(Router &router)
{
    router.add("GET", QStringLiteral("/idp/.well-known/openid-configuration"),
               [this, self = shared_from_this()](const HttpRequest &, httplib::Response &response) {
                   Reply::json(response, 200, m_provider->discoveryDocument());
               });
    router.add("GET", QStringLiteral("/idp/jwks"),
               [this, self = shared_from_this()](const HttpRequest &, httplib::Response &response) {
                   response.status = 200;
                   response.set_content(
                       m_provider->signingKey().publicKeys().toJson().toStdString(),
                       "application/json");
               });
    router.add(
        "GET", QStringLiteral("/idp/authorize"),
        [this, self = shared_from_this()](const HttpRequest &request, httplib::Response &response) {
            const auto parameter = [&](const char *name) {
                return request.query(name);
            };
            authorize(AuthorizationRequest::from(parameter), {}, response);
        });
    router.add(
        "POST", QStringLiteral("/idp/authorize"), Router::Body::Form,
        [this, self = shared_from_this()](const HttpRequest &request, httplib::Response &response) {
            const QUrlQuery form = formOf(request.raw());
            const auto parameter = [&](const char *name) {
                return field(form, name);
            };
            authorize(AuthorizationRequest::from(parameter), form, response);
        });
    router.add(
        "POST", QStringLiteral("/idp/token"), Router::Body::Form,
        [this, self = shared_from_this()](const HttpRequest &request, httplib::Response &response) {
            token(request, response);
        });
    if (!m_dev)
        return;
    router.add(
        "POST", QStringLiteral("/dev/idp/accounts"),
        [this, self = shared_from_this()](const HttpRequest &request, httplib::Response &response) {
            const QJsonObject body = request.jsonBody();
            const QString email = HttpRequest::requiredString(body, QStringLiteral("email"), 256);
            const QString name = HttpRequest::requiredString(body, QStringLiteral("name"), 256);
            const QString password
                = HttpRequest::requiredString(body, QStringLiteral("password"), 256);
            if (!m_provider->accounts().add(email, name, password, m_clock.nowMs()))
                throw HttpError(409, QStringLiteral("account_exists"),
                                QStringLiteral("An account with this email exists."));
            Reply::json(response, 201, {{QStringLiteral("email"), email}});
        });
}

void IdpEndpoints::authorize(const AuthorizationRequest &request, const QUrlQuery &form,
                             httplib::Response &response) const
{
    const QString pageProblem = request.pageProblem(StandInProvider::clientId());
    if (!pageProblem.isEmpty())
        return SignInPage::refusal(response, pageProblem);
    const QString clientProblem = request.clientProblem();
    if (!clientProblem.isEmpty()) {
        QUrlQuery error;
        error.addQueryItem(QStringLiteral("error"), QStringLiteral("invalid_request"));
        error.addQueryItem(QStringLiteral("error_description"), clientProblem);
        return response.set_redirect(
            request.redirect(error).toString(QUrl::FullyEncoded).toStdString());
    }
    const QString action = field(form, "action");
    if (action == QLatin1String("cancel")) {
        QUrlQuery denied;
        denied.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
        return response.set_redirect(
            request.redirect(denied).toString(QUrl::FullyEncoded).toStdString());
    }
    if (action != QLatin1String("sign-in"))
        return SignInPage::form(response, request);

    const QString email = field(form, "email").trimmed();
    const IdpAccounts &accounts = m_provider->accounts();
    const IdpAccounts::SignIn signIn
        = accounts.signIn(email, field(form, "password"), m_clock.nowMs());
    if (signIn.busy) {
        response.set_header("Retry-After", "1");
        return SignInPage::form(response, request, email, Messages::busy(), 429);
    }
    if (signIn.lockedForMs)
        return SignInPage::form(response, request, email, Messages::paused(signIn.lockedForMs),
                                429);
    const std::optional<IdpAccount> &account = signIn.account;
    if (!account)
        return SignInPage::form(response, request, email,
                                Messages::wrongCredentials(accounts.lockout()));
    const bool offlineAccess
        = request.scope.split(QLatin1Char(' ')).contains(QLatin1String("offline_access"));
    const AuthorizationGrant grant {account->email,        request.clientId, request.redirectUri,
                                    request.codeChallenge, request.nonce,    offlineAccess};
    QUrlQuery granted;
    granted.addQueryItem(QStringLiteral("code"), m_provider->codes().issue(grant, m_clock.nowMs()));
    response.set_redirect(request.redirect(granted).toString(QUrl::FullyEncoded).toStdString());
}

void IdpEndpoints::token(const HttpRequest &request, httplib::Response &response) const
{
    if (request.raw().get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0)
        != 0)
        throw oauthError("invalid_request", Messages::notForm());
    const QUrlQuery form = formOf(request.raw());
    const QString grantType = field(form, "grant_type");
    const qint64 now = m_clock.nowMs();
    if (grantType == QLatin1String("refresh_token")) {
        const QString clientId = field(form, "client_id");
        const auto redeemed
            = m_provider->refreshTokens().redeem(field(form, "refresh_token"), clientId, now);
        if (!redeemed)
            throw oauthError("invalid_grant", Messages::badRefreshToken());
        return issueTokens(response, redeemed->email, clientId, {}, redeemed->family);
    }
    if (grantType != QLatin1String("authorization_code"))
        throw oauthError("unsupported_grant_type", Messages::unsupportedGrant());
    const auto grant = m_provider->codes().redeem(field(form, "code"), now);
    if (!grant)
        throw oauthError("invalid_grant", Messages::badCode());
    if (field(form, "client_id") != grant->clientId
        || field(form, "redirect_uri") != grant->redirectUri)
        throw oauthError("invalid_grant", Messages::wrongClient());
    if (!Pkce::matches(field(form, "code_verifier"), grant->codeChallenge))
        throw oauthError("invalid_grant", Messages::wrongVerifier());
    issueTokens(response, grant->email, grant->clientId, grant->nonce,
                grant->offlineAccess ? std::optional(RefreshTokens::newFamily()) : std::nullopt);
}

void IdpEndpoints::issueTokens(httplib::Response &response, const QString &email,
                               const QString &clientId, const QString &nonce,
                               const std::optional<QString> &refreshFamily) const
{
    const auto account = m_provider->account(email);
    if (!account)
        throw oauthError("invalid_grant", Messages::badCode());
    QJsonObject answer {{QStringLiteral("access_token"), SecureRandom::base64Url(32)},
                        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                        {QStringLiteral("expires_in"), StandInProvider::IdTokenLifetimeSeconds},
                        {QStringLiteral("scope"), QStringLiteral("openid email profile")},
                        {QStringLiteral("id_token"),
                         QString::fromLatin1(m_provider->idTokenFor(*account, clientId, nonce))}};
    if (refreshFamily) {
        // RFC 6749 §5.1: the scope granted, which a refresh token means includes offline_access.
        answer.insert(QStringLiteral("scope"),
                      QStringLiteral("openid email profile offline_access"));
        answer.insert(QStringLiteral("refresh_token"),
                      m_provider->refreshTokens().issue(account->email, clientId, *refreshFamily,
                                                        m_clock.nowMs()));
    }
    response.set_header("Cache-Control", "no-store");
    response.set_header("Pragma", "no-cache");
    Reply::json(response, 200, answer);
}

} // namespace

void addIdpRoutes(Router &router, const Clock &clock, bool dev,
                  std::shared_ptr<const StandInProvider> provider)
{
    std::make_shared<IdpEndpoints>(clock, dev, std::move(provider))->addRoutes(router);
}

} // namespace cqrs::stub
