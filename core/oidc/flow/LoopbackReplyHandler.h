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

    // The address to open the browser at instead of `authorizeUrl`, which it redirects to once.
    // A browser is started with its address on the command line, where every program on the
    // computer can read it: the authorize URL's state, nonce and PKCE challenge would let one
    // sign in at the provider as someone else and send the app that code first. The start page's
    // address is of no use once the browser has opened it, and if something else opens it first
    // the browser's own visit shows it (startPageOpenedTwice).
    QUrl startPageFor(const QUrl &authorizeUrl);

    // On 127.0.0.1 with a port the system picks; false when no port could be opened.
    bool listenOnLoopback();
    quint16 port() const;

    QString callback() const override;
    void networkReplyFinished(QNetworkReply *reply) override;

signals:
    void startPageOpenedTwice();
    void tokenRequestFailed(const QString &message);
    // The provider answered and refused the grant (invalid_grant): the code or refresh token
    // will never work again, unlike a provider that could not be reached.
    void grantRefused(const QString &message);

private:
    LoopbackListener::Page respond(const QUrl &target);
    static QByteArray html(Page page);

    LoopbackListener m_listener;
    QString m_startPath;
    QUrl m_authorizeUrl;
    bool m_startPageOpened = false;
    bool m_waiting = true;
    Page m_answer = Page::NotOurs;
    Page m_late = Page::Failed;
};

} // namespace cqrs
