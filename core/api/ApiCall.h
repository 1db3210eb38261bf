#pragma once

#include "core/api/ApiError.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>

#include <chrono>

class QNetworkReply;

namespace cqrs {

// One request in flight. It always finishes exactly once, whether the server answered, the
// time limit passed, the connection failed or the person pressed Cancel, so a screen showing
// a busy indicator can always take it down again.
class ApiCall : public QObject
{
    Q_OBJECT

public:
    // Bigger answers are cut off: nothing in API v1 comes near it, and a hostile or broken
    // server must not make the app hold unbounded memory.
    static constexpr qint64 MaxResponseBytes = 1024 * 1024;

    ApiCall(QNetworkReply *reply, std::chrono::milliseconds timeout, QObject *parent = nullptr);
    ~ApiCall() override;

    void cancel();
    bool isFinished() const { return m_finished; }

    // Valid once finished: the JSON body of a 2xx answer (empty for 204), or the error.
    const QJsonObject &body() const { return m_body; }
    const ApiError &error() const { return m_error; }

signals:
    void finished();

private:
    void stop(ApiError::Kind kind);
    void onReplyFinished();
    ApiError errorFromBody(int status, const QByteArray &bytes) const;

    ApiError::Kind connectionFailure(QNetworkReply *reply) const;

    QPointer<QNetworkReply> m_reply;
    QList<QSslError> m_sslErrors;
    QTimer m_timer;
    ApiError::Kind m_stopReason = ApiError::Kind::None;
    bool m_finished = false;
    QJsonObject m_body;
    ApiError m_error;
};

} // namespace cqrs
