#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

#include <chrono>
#include <functional>

class QTcpSocket;

namespace cqrs {

// The HTTP end of the browser's loopback redirect (RFC 8252 §7.3): listens on 127.0.0.1 only,
// reads one GET request head per connection, asks its owner for the page and answers with it.
//
// Any program on this computer can connect, so every connection is bounded: its request head
// (request line and headers) to MaxRequestHeadBytes, its life to ConnectionTimeout, and at most
// MaxConnections are open at once (a new one pushes out the oldest, so a flood of idle ones
// cannot keep the browser out). Qt 6.4's QOAuthHttpServerReplyHandler buffered a request line
// without limit, kept each buffer after its connection closed and never timed one out.
class LoopbackListener : public QObject
{
    Q_OBJECT

public:
    static constexpr qsizetype MaxRequestHeadBytes = 8 * 1024;
    static constexpr int MaxConnections = 8;
    static constexpr std::chrono::seconds ConnectionTimeout {10};

    struct Page
    {
        Page(int httpStatus, QByteArray body = {}, QByteArray redirectTo = {})
            : status(httpStatus)
            , html(std::move(body))
            , location(std::move(redirectTo))
        { }

        int status;
        QByteArray html;
        QByteArray location; // for a redirect (302)
    };
    // Called with the request target (path and query) of a well-formed GET.
    using Responder = std::function<Page(const QUrl &target)>;

    explicit LoopbackListener(Responder responder, QObject *parent = nullptr);

    // On 127.0.0.1 with a port the system picks; false when no port could be opened.
    bool listen();
    quint16 port() const;

private:
    void accept();
    void read(QTcpSocket *socket);
    static void answer(QTcpSocket *socket, const Page &page);

    Responder m_responder;
    QTcpServer m_server;
    QList<QPointer<QTcpSocket>> m_open; // oldest first
};

} // namespace cqrs
