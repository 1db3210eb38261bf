#include "core/api/ApiClient.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <algorithm>

namespace cqrs {

namespace {

QString linkPath(const RegistrationLink &link)
{
    const QLatin1String collection = link.purpose() == RegistrationLink::Purpose::Register
        ? QLatin1String("registrations/")
        : QLatin1String("password-resets/");
    return collection + link.token();
}

std::optional<UserProfile> sessionUser(const QJsonObject &body)
{
    if (!body.value(QLatin1String("sessionToken")).isString())
        return std::nullopt;
    return UserProfile::fromJson(body.value(QLatin1String("user")).toObject());
}

} // namespace

ApiClient::ApiClient(const QUrl &serverUrl, QObject *parent)
    : ApiClient(serverUrl, NetworkAccess(), parent)
{ }

ApiClient::ApiClient(const QUrl &serverUrl, const NetworkAccess &network, QObject *parent)
    : QObject(parent)
    , m_network(network.createManager(this))
    , m_serverUrl(serverUrl)
{
    // A redirect could carry a password to another host; API v1 never redirects.
    m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    if (!m_serverUrl.path().endsWith(QLatin1Char('/')))
        m_serverUrl.setPath(m_serverUrl.path() + QLatin1Char('/'));
}

ApiCall::Delays ApiClient::defaultRetryDelays()
{
    using namespace std::chrono_literals;
    // About a minute in all: long enough for a router or a server restart, short enough that
    // the screen soon says what is wrong. Cancel stops the waiting at once.
    return {2s, 4s, 8s, 15s, 30s};
}

ApiCall *ApiClient::send(const QByteArray &verb, const QString &path, const QJsonObject *body,
                         Auth auth)
{
    QNetworkRequest request(m_serverUrl.resolved(QUrl(QLatin1String("api/v1/") + path)));
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(static_cast<int>(std::min(m_timeout, StallTimeout).count()));
    if (auth == Auth::Session)
        request.setRawHeader("Authorization", "Bearer " + m_sessionToken.toLatin1());
    QByteArray payload;
    if (body) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        payload = QJsonDocument(*body).toJson(QJsonDocument::Compact);
    }
    // Only a GET is sent again by itself; anything else could be done twice.
    const ApiCall::Delays retries = verb == "GET" ? m_retryDelays : ApiCall::Delays();
    return new ApiCall([network = m_network, request, verb,
                        payload] { return network->sendCustomRequest(request, verb, payload); },
                       m_timeout, retries, this);
}

ApiCall *ApiClient::fetchPasswordPolicy(QObject *receiver, Handler<PasswordPolicy> handler)
{
    return request<PasswordPolicy>(
        "GET", QStringLiteral("password-policy"), nullptr, Auth::None, receiver,
        [](const QJsonObject &body) { return PasswordPolicy::fromJson(body); }, std::move(handler));
}

ApiCall *ApiClient::fetchLinkDetails(const RegistrationLink &link, QObject *receiver,
                                     Handler<RegistrationDetails> handler)
{
    return request<RegistrationDetails>("GET", linkPath(link), nullptr, Auth::None, receiver,
                                        &RegistrationDetails::fromJson, std::move(handler));
}

ApiCall *ApiClient::setPasswordFromLink(const RegistrationLink &link, const QString &password,
                                        QObject *receiver, Handler<Done> handler)
{
    const QJsonObject body {{QStringLiteral("password"), password}};
    return request<Done>("POST", linkPath(link), &body, Auth::None, receiver, &Done::fromJson,
                         std::move(handler));
}

ApiCall *ApiClient::startSession(const QString &path, const QJsonObject &body, QObject *receiver,
                                 Handler<UserProfile> handler)
{
    return request<UserProfile>(
        "POST", path, &body, Auth::None, receiver,
        [this](const QJsonObject &answer) {
            auto user = sessionUser(answer);
            if (user)
                adoptSession(answer);
            return user;
        },
        std::move(handler));
}

void ApiClient::noteError(const ApiError &error)
{
    if (error.kind != ApiError::Kind::None && error.kind != ApiError::Kind::Cancelled)
        m_lastError = error;
}

void ApiClient::adoptSession(const QJsonObject &body)
{
    m_sessionToken = body.value(QLatin1String("sessionToken")).toString();
}

ApiCall *ApiClient::signIn(const QString &userId, const QString &password, QObject *receiver,
                           Handler<UserProfile> handler)
{
    const QJsonObject body {{QStringLiteral("userId"), userId},
                            {QStringLiteral("password"), password}};
    return startSession(QStringLiteral("sessions"), body, receiver, std::move(handler));
}

ApiCall *ApiClient::signInWithIdToken(const QString &idToken, QObject *receiver,
                                      Handler<UserProfile> handler)
{
    const QJsonObject body {{QStringLiteral("idToken"), idToken}};
    return startSession(QStringLiteral("sessions/sso"), body, receiver, std::move(handler));
}

ApiCall *ApiClient::signOut(QObject *receiver, Handler<Done> handler)
{
    ApiCall *call = send("DELETE", QStringLiteral("sessions/current"), nullptr, Auth::Session);
    m_sessionToken.clear();
    QPointer<QObject> alive(receiver);
    connect(call, &ApiCall::finished, this, [this, call, alive, handler = std::move(handler)] {
        call->deleteLater();
        ApiResult<Done> result;
        result.error = call->error();
        noteError(result.error);
        // The session is gone here either way; a 401 means the server had already ended it.
        if (result.error.kind == ApiError::Kind::None || result.error.httpStatus == 401)
            result = ApiResult<Done> {Done {}, {}};
        if (alive)
            handler(result);
    });
    return call;
}

ApiCall *ApiClient::fetchCurrentUser(QObject *receiver, Handler<UserProfile> handler)
{
    return request<UserProfile>("GET", QStringLiteral("me"), nullptr, Auth::Session, receiver,
                                &UserProfile::fromJson, std::move(handler));
}

ApiCall *ApiClient::changePassword(const QString &currentPassword, const QString &newPassword,
                                   QObject *receiver, Handler<Done> handler)
{
    const QJsonObject body {{QStringLiteral("currentPassword"), currentPassword},
                            {QStringLiteral("newPassword"), newPassword}};
    return request<Done>("POST", QStringLiteral("me/password"), &body, Auth::Session, receiver,
                         &Done::fromJson, std::move(handler));
}

ApiCall *ApiClient::requestPasswordReset(const QString &userId, QObject *receiver,
                                         Handler<Done> handler)
{
    const QJsonObject body {{QStringLiteral("userId"), userId}};
    return request<Done>("POST", QStringLiteral("password-resets"), &body, Auth::None, receiver,
                         &Done::fromJson, std::move(handler));
}

} // namespace cqrs
