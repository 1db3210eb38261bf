#pragma once

#include "core/api/ApiCall.h"
#include "core/api/ApiTypes.h"
#include "core/links/RegistrationLink.h"
#include "core/policy/PasswordPolicy.h"
#include "core/transport/NetworkAccess.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <chrono>
#include <functional>

namespace cqrs {

// The CQRS REST API v1 (docs/design.md §4), asynchronous. Every call returns the ApiCall in flight
// (for Cancel) and later runs the handler exactly once with a typed result or an error, unless
// `receiver` has been destroyed by then. The session token from signing in stays in here and
// is sent as a Bearer token; nothing outside sees it.
class ApiClient : public QObject
{
    Q_OBJECT

public:
    template<typename T> using Handler = std::function<void(const ApiResult<T> &)>;

    // Limits for slow practice links (docs/development.md, "Talking to the server"): a request
    // ends as Timeout when nothing has moved for StallTimeout (connecting, the proxy and the
    // TLS handshake included) or no complete answer came within DefaultTimeout.
    static constexpr std::chrono::milliseconds StallTimeout {20000};
    static constexpr std::chrono::milliseconds DefaultTimeout {30000};

    explicit ApiClient(const QUrl &serverUrl, QObject *parent = nullptr);
    // Connections configured by IT policy: proxy, proxy credentials, extra trust anchors.
    ApiClient(const QUrl &serverUrl, const NetworkAccess &network, QObject *parent = nullptr);

    QUrl serverUrl() const { return m_serverUrl; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // Back-off for GETs when the server or network is away (tests shorten it).
    static ApiCall::Delays defaultRetryDelays();
    void setRetryDelays(ApiCall::Delays delays) { m_retryDelays = std::move(delays); }
    bool hasSession() const { return !m_sessionToken.isEmpty(); }
    // The most recent failure other than Cancel, for "Copy details for the service desk".
    const ApiError &lastError() const { return m_lastError; }

    ApiCall *fetchPasswordPolicy(QObject *receiver, Handler<PasswordPolicy> handler);

    // A registration link uses /registrations/{token}, a reset link /password-resets/{token}.
    ApiCall *fetchLinkDetails(const RegistrationLink &link, QObject *receiver,
                              Handler<RegistrationDetails> handler);
    ApiCall *setPasswordFromLink(const RegistrationLink &link, const QString &password,
                                 QObject *receiver, Handler<Done> handler);

    ApiCall *signIn(const QString &userId, const QString &password, QObject *receiver,
                    Handler<UserProfile> handler);
    // The single sign-on seam: an id_token from the identity provider becomes a CQRS session
    // exactly as a password sign-in does (POST /api/v1/sessions/sso).
    ApiCall *signInWithIdToken(const QString &idToken, QObject *receiver,
                               Handler<UserProfile> handler);
    // Forgets the session here whatever the server answers, so signing out always works.
    ApiCall *signOut(QObject *receiver, Handler<Done> handler);
    ApiCall *fetchCurrentUser(QObject *receiver, Handler<UserProfile> handler);
    ApiCall *changePassword(const QString &currentPassword, const QString &newPassword,
                            QObject *receiver, Handler<Done> handler);
    // Always answered the same way by the server, so it never tells whether a User ID exists.
    ApiCall *requestPasswordReset(const QString &userId, QObject *receiver, Handler<Done> handler);

signals:
    // A Bearer request was refused with 401: the session expired or was revoked elsewhere.
    void sessionEnded();

private:
    enum class Auth { None, Session };

    ApiCall *send(const QByteArray &verb, const QString &path, const QJsonObject *body, Auth auth);

    template<typename T, typename Parse>
    ApiCall *request(const QByteArray &verb, const QString &path, const QJsonObject *body,
                     Auth auth, QObject *receiver, Parse parse, Handler<T> handler);

    void adoptSession(const QJsonObject &body);
    ApiCall *startSession(const QString &path, const QJsonObject &body, QObject *receiver,
                          Handler<UserProfile> handler);

    void noteError(const ApiError &error);

    QNetworkAccessManager *m_network = nullptr;
    QUrl m_serverUrl;
    ApiError m_lastError;
    std::chrono::milliseconds m_timeout = DefaultTimeout;
    ApiCall::Delays m_retryDelays = defaultRetryDelays();
    QString m_sessionToken;
};

template<typename T, typename Parse>
ApiCall *ApiClient::request(const QByteArray &verb, const QString &path, const QJsonObject *body,
                            Auth auth, QObject *receiver, Parse parse, Handler<T> handler)
{
    ApiCall *call = send(verb, path, body, auth);
    QPointer<QObject> alive(receiver);
    connect(call, &ApiCall::finished, this,
            [this, call, auth, alive, parse = std::move(parse), handler = std::move(handler)] {
                call->deleteLater();
                ApiResult<T> result;
                result.error = call->error();
                if (result.error.kind == ApiError::Kind::None) {
                    result.value = parse(call->body());
                    if (!result.value)
                        result.error.kind = ApiError::Kind::BadResponse;
                }
                noteError(result.error);
                // A wrong current password (changing it) is a 401 too, but the session lives on.
                if (auth == Auth::Session && result.error.httpStatus == 401
                    && !result.error.is(u"invalid_credentials")) {
                    m_sessionToken.clear();
                    emit sessionEnded();
                }
                if (alive)
                    handler(result);
            });
    return call;
}

} // namespace cqrs
