#pragma once

#include "core/api/ApiError.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>

#include <chrono>
#include <functional>

class QNetworkReply;

namespace cqrs {

// One request in flight. It always finishes exactly once, whether the server answered, the
// time limit passed, the connection failed or the person pressed Cancel, so a screen showing
// a busy indicator can always take it down again.
//
// A request that is safe to send again (a GET) may be given retry delays: when the server or
// the network is away it is sent again after each delay in turn, a gentle back-off, before it
// finishes as Unreachable. Requests that change something are never sent again by themselves,
// so a password is not set twice nor a session opened twice.
class ApiCall : public QObject
{
    Q_OBJECT

public:
    // Bigger answers are cut off: nothing in API v1 comes near it, and a hostile or broken
    // server must not make the app hold unbounded memory.
    static constexpr qint64 MaxResponseBytes = qint64(1024) * 1024;

    // Sends the request (again): a new reply each time.
    using Send = std::function<QNetworkReply *()>;
    using Delays = QList<std::chrono::milliseconds>;

    ApiCall(Send send, std::chrono::milliseconds timeout, Delays retryDelays = {},
            QObject *parent = nullptr);
    ~ApiCall() override;

    void cancel();
    bool isFinished() const { return m_finished; }

    // Valid once finished: the JSON body of a 2xx answer (empty for 204), or the error.
    const QJsonObject &body() const { return m_body; }
    const ApiError &error() const { return m_error; }

signals:
    void finished();
    // The server or network was away; the request goes again in `seconds` unless cancelled.
    void retrying(int seconds);

private:
    void sendNow();
    void stop(ApiError::Kind kind);
    void onReplyFinished();
    void finish();
    ApiError errorFromBody(int status, const QByteArray &bytes) const;

    ApiError::Kind connectionFailure(QNetworkReply *reply) const;

    Send m_send;
    std::chrono::milliseconds m_timeout;
    Delays m_retryDelays;
    QTimer m_retryTimer;
    QPointer<QNetworkReply> m_reply;
    QList<QSslError> m_sslErrors;
    QTimer m_timer;
    ApiError::Kind m_stopReason = ApiError::Kind::None;
    bool m_finished = false;
    QJsonObject m_body;
    ApiError m_error;
};

} // namespace cqrs
