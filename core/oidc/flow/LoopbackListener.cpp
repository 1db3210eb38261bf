#include "core/oidc/flow/LoopbackListener.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QTimer>

namespace cqrs {

namespace {

const char *const AnsweredProperty = "cqrsAnswered";

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 302:
        return QByteArrayLiteral("Found");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    default:
        return QByteArrayLiteral("Error");
    }
}

} // namespace

LoopbackListener::LoopbackListener(Responder responder, QObject *parent)
    : QObject(parent)
    , m_responder(std::move(responder))
{
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackListener::accept);
}

bool LoopbackListener::listen()
{
    return m_server.isListening() || m_server.listen(QHostAddress::LocalHost, 0);
}

quint16 LoopbackListener::port() const
{
    return m_server.serverPort();
}

void LoopbackListener::accept()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        m_open.removeAll(nullptr);
        if (m_open.size() >= MaxConnections) {
            if (QTcpSocket *oldest = m_open.takeFirst()) {
                oldest->abort();
                oldest->deleteLater();
            }
        }
        m_open.append(socket);
        // Qt stops reading from the connection once this much waits unread.
        socket->setReadBufferSize(MaxRequestHeadBytes);
        auto *timeout = new QTimer(socket);
        timeout->setSingleShot(true);
        connect(timeout, &QTimer::timeout, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        timeout->start(ConnectionTimeout);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
    }
}

void LoopbackListener::read(QTcpSocket *socket)
{
    if (socket->property(AnsweredProperty).toBool()) {
        socket->readAll();
        return;
    }
    const QByteArray seen = socket->peek(MaxRequestHeadBytes);
    const qsizetype headEnd = seen.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        if (seen.size() >= MaxRequestHeadBytes)
            answer(socket, {431, {}});
        return;
    }
    const QByteArray head = socket->read(headEnd + 4);
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")
        || !requestLine.at(1).startsWith('/')) {
        answer(socket, {400, {}});
        return;
    }
    if (requestLine.at(0) != "GET") {
        answer(socket, {405, {}});
        return;
    }
    const QUrl target = QUrl::fromEncoded(requestLine.at(1));
    if (!target.isValid() || !target.scheme().isEmpty() || !target.host().isEmpty()) {
        answer(socket, {400, {}});
        return;
    }
    answer(socket, m_responder(target));
}

void LoopbackListener::answer(QTcpSocket *socket, const Page &page)
{
    socket->setProperty(AnsweredProperty, true);
    // The page's URL carries the authorization code: nothing on it may load anything or pass
    // the address on.
    QByteArray response = "HTTP/1.1 " + QByteArray::number(page.status) + ' '
        + reasonPhrase(page.status)
        + "\r\nContent-Type: text/html; charset=utf-8"
          "\r\nContent-Length: "
        + QByteArray::number(page.html.size())
        + "\r\nCache-Control: no-store"
          "\r\nContent-Security-Policy: default-src 'none'; style-src 'unsafe-inline'"
          "\r\nReferrer-Policy: no-referrer"
          "\r\nX-Content-Type-Options: nosniff"
          "\r\nConnection: close\r\n";
    if (page.status == 405)
        response += "Allow: GET\r\n";
    if (!page.location.isEmpty())
        response += "Location: " + page.location + "\r\n";
    socket->write(response + "\r\n" + page.html);
    socket->disconnectFromHost();
}

} // namespace cqrs
