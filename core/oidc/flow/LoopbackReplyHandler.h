#pragma once

#include "core/oidc/flow/LoopbackListener.h"

#include <QAbstractOAuthReplyHandler>
#include <QCoreApplication>

namespace cqrs {

// Receives the browser's redirect on http://127.0.0.1:<ephemeral port>/ (RFC 8252 §7.3) and
// reads the token endpoint's answer.
//
// In place of Qt 6.4's QOAuthHttpServerReplyHandler, which listened on every interface, read
// requests without limits (see LoopbackListener), and answered a token-endpoint error (HTTP 400
// with {"error": ...}), an answer that is not JSON or one without an access token only with a
// warning, leaving the sign-in waiting forever: here each ends in tokenRequestFailed() with a
// plain-English reason.
class LoopbackReplyHandler : public QAbstractOAuthReplyHandler
{
    Q_OBJECT

public:
    static constexpr qint64 MaxTokenResponseBytes = 256 * 1024;

    explicit LoopbackReplyHandler(QObject *parent = nullptr);

    // What the browser tab says: NotOurs unless the redirect being handled chooses otherwise
    // while callbackReceived() is emitted.
    enum class Page { Received, Cancelled, Failed, NotOurs };
    void answerBrowserWith(Page page);
    // The sign-in is over: later redirects (a login finished after Cancel, a reloaded tab) get
    // `page` and reach nobody, and the port stays ours, so no other program can take it and
    // be sent the code.
    void stopWaiting(Page page);

    // On 127.0.0.1 with a port the system picks; false when no port could be opened.
    bool listenOnLoopback();
    quint16 port() const;

    QString callback() const override;
    void networkReplyFinished(QNetworkReply *reply) override;

signals:
    void tokenRequestFailed(const QString &message);
    // The provider answered and refused the grant (invalid_grant): the code or refresh token
    // will never work again, unlike a provider that could not be reached.
    void grantRefused(const QString &message);

private:
    LoopbackListener::Page respond(const QUrl &target);
    static QByteArray html(Page page);

    LoopbackListener m_listener;
    bool m_waiting = true;
    Page m_answer = Page::NotOurs;
    Page m_late = Page::Failed;
};

} // namespace cqrs
