#pragma once

#include <QCoreApplication>
#include <QOAuthHttpServerReplyHandler>

namespace cqrs {

// Receives the browser's redirect on http://127.0.0.1:<ephemeral port>/ (RFC 8252 §7.3) and
// reads the token endpoint's answer.
//
// Works around Qt 6.4: its default constructor and listen() bind every interface, so this one
// binds the loopback address only; and a token-endpoint error (HTTP 400 with {"error": ...}), an
// answer that is not JSON or one without an access token only logged a warning there, leaving the
// sign-in waiting forever: here each ends in tokenRequestFailed() with a plain-English reason.
class LoopbackReplyHandler : public QOAuthHttpServerReplyHandler
{
    Q_OBJECT

public:
    static constexpr qint64 MaxTokenResponseBytes = 256 * 1024;

    explicit LoopbackReplyHandler(QObject *parent = nullptr);

    // What the browser tab says after a redirect: chosen while the redirect is handled, before
    // the page is sent back.
    enum class Page { Received, Cancelled, Failed, NotOurs };
    void answerBrowserWith(Page page);

    // On 127.0.0.1 with a port the system picks; false when no port could be opened.
    bool listenOnLoopback();

    void networkReplyFinished(QNetworkReply *reply) override;

signals:
    void tokenRequestFailed(const QString &message);
    // The provider answered and refused the grant (invalid_grant): the code or refresh token
    // will never work again, unlike a provider that could not be reached.
    void grantRefused(const QString &message);
};

} // namespace cqrs
