#include "core/api/ApiCall.h"

#include "core/transport/NetworkAccess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLoggingCategory>
#include <QNetworkReply>

namespace cqrs {

namespace {

Q_LOGGING_CATEGORY(lcApi, "cqrs.api", QtInfoMsg)

std::optional<QJsonObject> jsonObject(const QByteArray &bytes)
{
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace

ApiCall::ApiCall(Send send, std::chrono::milliseconds timeout, Delays retryDelays, QObject *parent)
    : QObject(parent)
    , m_send(std::move(send))
    , m_timeout(timeout)
    , m_retryDelays(std::move(retryDelays))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { stop(ApiError::Kind::Timeout); });
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiCall::sendNow);
    sendNow();
}

void ApiCall::sendNow()
{
    m_stopReason = ApiError::Kind::None;
    m_sslErrors.clear();
    m_error = {};
    m_body = {};
    QNetworkReply *reply = m_send();
    m_reply = reply;
    m_timer.start(m_timeout);
    connect(reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
    // Kept to explain the failure; the errors are never ignored.
    connect(reply, &QNetworkReply::sslErrors, this,
            [this](const QList<QSslError> &errors) { m_sslErrors = errors; });
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64) {
        if (received > MaxResponseBytes)
            stop(ApiError::Kind::BadResponse);
    });
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ApiCall::cancel()
{
    stop(ApiError::Kind::Cancelled);
}

void ApiCall::stop(ApiError::Kind kind)
{
    if (m_finished)
        return;
    if (m_retryTimer.isActive()) { // between attempts: nothing in flight to abort
        m_retryTimer.stop();
        m_error = {};
        m_error.kind = kind;
        return finish();
    }
    if (!m_reply)
        return;
    m_stopReason = kind;
    m_reply->abort(); // emits finished, which reports m_stopReason
}

void ApiCall::onReplyFinished()
{
    if (m_finished || !m_reply)
        return;
    m_timer.stop();
    QNetworkReply *reply = m_reply;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    if (m_stopReason != ApiError::Kind::None) {
        m_error.kind = m_stopReason;
    } else if (status == 0 || NetworkAccess::isProxyRefusal(reply)) {
        // No answer from the server itself: the connection, TLS or the proxy failed, or
        // something answered, but not in HTTP (as unusable as garbage, and not "down").
        qCDebug(lcApi) << "no HTTP answer:" << reply->error();
        m_error.kind = connectionFailure(reply);
        if (m_error.kind == ApiError::Kind::InsecureConnection)
            m_error.tls = TlsProblem::fromErrors(
                m_sslErrors, reply->sslConfiguration().peerCertificateChain(), reply->url().host());
    } else if (status >= 200 && status < 300) {
        const QByteArray bytes = reply->readAll();
        if (bytes.trimmed().isEmpty()) {
            m_body = {};
        } else if (const auto object = jsonObject(bytes)) {
            m_body = *object;
        } else {
            m_error.kind = ApiError::Kind::BadResponse;
            m_error.httpStatus = status;
        }
    } else {
        m_error = errorFromBody(status, reply->readAll());
        // A gateway's own error page: the proxy or a load balancer could not reach the server.
        const bool viaProxy = NetworkAccess::proxyUsedFor(reply).type() != QNetworkProxy::NoProxy;
        if (m_error.kind == ApiError::Kind::BadResponse
            && ((status >= 502 && status <= 504) || (status >= 500 && viaProxy)))
            m_error.kind = ApiError::Kind::Unreachable;
        // A failure, not an answer: worth trying again, and the server's words for it (which
        // may be anything, from a stack trace to a link) are not put in front of the person.
        else if (status >= 500)
            m_error.kind
                = (status == 503) ? ApiError::Kind::Unreachable : ApiError::Kind::ServerFault;
    }
    const bool away = m_error.kind == ApiError::Kind::Unreachable
        || m_error.kind == ApiError::Kind::ProxyUnreachable;
    if (away && !m_retryDelays.isEmpty()) {
        const auto delay = m_retryDelays.takeFirst();
        m_retryTimer.start(delay);
        emit retrying(
            static_cast<int>(std::chrono::duration_cast<std::chrono::seconds>(delay).count()));
        return;
    }
    finish();
}

void ApiCall::finish()
{
    m_finished = true;
    emit finished();
}

ApiError::Kind ApiCall::connectionFailure(QNetworkReply *reply) const
{
    if (NetworkAccess::isProxyRefusal(reply))
        return ApiError::Kind::ProxyRefused;
    switch (reply->error()) {
    case QNetworkReply::ProtocolFailure:
        return ApiError::Kind::BadResponse;
    case QNetworkReply::OperationCanceledError: // the request's stall limit; Cancel is ours
    case QNetworkReply::TimeoutError:
        return ApiError::Kind::Timeout;
    case QNetworkReply::SslHandshakeFailedError:
        // A handshake that failed for another reason than the certificate (an old protocol,
        // a connection cut mid-way) is a connection failure like any other.
        return m_sslErrors.isEmpty() ? ApiError::Kind::Unreachable
                                     : ApiError::Kind::InsecureConnection;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
        return ApiError::Kind::ProxyUnreachable;
    default:
        // Through a proxy, a connection that fails is the proxy's: a server it cannot reach
        // comes back as its error page.
        return NetworkAccess::proxyUsedFor(reply).type() == QNetworkProxy::NoProxy
            ? ApiError::Kind::Unreachable
            : ApiError::Kind::ProxyUnreachable;
    }
}

ApiError ApiCall::errorFromBody(int status, const QByteArray &bytes) const
{
    ApiError error;
    error.httpStatus = status;
    const auto object = jsonObject(bytes);
    if (!object || !object->value(QLatin1String("error")).isString()) {
        error.kind = ApiError::Kind::BadResponse;
        return error;
    }
    error.kind = ApiError::Kind::Refused;
    error.code = object->value(QLatin1String("error")).toString();
    error.serverMessage = object->value(QLatin1String("message")).toString();
    for (const auto &id : object->value(QLatin1String("violations")).toArray()) {
        if (id.isString())
            error.violations.append(id.toString());
    }
    const QJsonValue retryAfter = object->value(QLatin1String("retryAfterSeconds"));
    if (retryAfter.isDouble() && retryAfter.toDouble() >= 0 && retryAfter.toDouble() < 1e9)
        error.retryAfterSeconds = retryAfter.toInt();
    const QJsonValue next = object->value(QLatin1String("nextChangeAllowedAt"));
    if (next.isString())
        error.nextChangeAllowedAt = QDateTime::fromString(next.toString(), Qt::ISODateWithMs);
    return error;
}

} // namespace cqrs
