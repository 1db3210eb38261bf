#include "server-stub/http/BoundedServer.h"

#include "server-stub/http/ConnectionStream.h"
#include "server-stub/http/Tls.h"

#include "core/api/ApiContract.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <chrono>

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cqrs::stub {

namespace {

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(BoundedServer)

public:
    static QString tooManyConnections()
    {
        return tr("Too many open connections from your address. Close some and try again.");
    }
};

thread_local bool closeRequested = false;

constexpr int StopCheckMs = 100;

// Closing a socket with unread input sends a reset, which destroys the answer in the client's
// buffer before it reads it; so what a client still sends after its answer (a refused body) is
// read and thrown away for at most this long, then the connection is cut.
constexpr int DrainMs = 2000;

void refuseBusyClient(ConnectionStream &stream)
{
    const QByteArray body
        = QJsonDocument(
              QJsonObject {
                  {QStringLiteral("error"), QString(api::Errors::TooManyConnections.code)},
                  {QStringLiteral("message"), Messages::tooManyConnections()},
              })
              .toJson(QJsonDocument::Compact);
    static_assert(api::Errors::TooManyConnections.status == 429);
    const QByteArray answer = "HTTP/1.1 429 Too Many Requests\r\n"
                              "Content-Type: application/json\r\n"
                              "Cache-Control: no-store\r\n"
                              "Retry-After: 1\r\n"
                              "Connection: close\r\n"
                              "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    stream.write(answer.constData(), std::size_t(answer.size()));
}

void closeGracefully(socket_t socket)
{
    ::shutdown(socket, SHUT_WR);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(DrainMs);
    char sink[16384];
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd entry {socket, POLLIN, 0};
        if (::poll(&entry, 1, StopCheckMs) < 0 && errno != EINTR)
            break;
        if (!(entry.revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
        const ssize_t received = ::recv(socket, sink, sizeof sink, MSG_DONTWAIT);
        if (received == 0 || (received < 0 && errno != EAGAIN && errno != EINTR))
            break;
    }
    ::close(socket);
}

} // namespace

BoundedServer::BoundedServer(Limits limits, std::shared_ptr<SSL_CTX> tls)
    : m_limits(limits)
    , m_tls(std::move(tls))
    , m_clients(limits.connectionsPerClient)
{ }

void BoundedServer::closeAfterAnswer()
{
    closeRequested = true;
}

bool BoundedServer::process_and_close_socket(socket_t socket)
{
    {
        const ClientConnections::Place place(m_clients, peerAddress(socket));
        const auto ms = [](time_t sec, time_t usec) {
            return int(sec * 1000 + usec / 1000);
        };
        const ConnectionStream::Timeouts timeouts {ms(read_timeout_sec_, read_timeout_usec_),
                                                   ms(write_timeout_sec_, write_timeout_usec_)};
        // After a failed handshake nothing can be said to the client.
        const TlsSession tls(m_tls.get(), socket, timeouts);
        if (tls.usable()) {
            ConnectionStream stream(socket, timeouts, m_limits.headBytes, tls.ssl());
            if (place.admitted())
                serve(stream);
            else
                refuseBusyClient(stream);
        }
    }
    closeGracefully(socket);
    return true;
}

void BoundedServer::serve(ConnectionStream &stream)
{
    bool headRead = false;
    const auto setUpRequest = [&stream, &headRead](httplib::Request &request) {
        headRead = true;
        stream.beginBody();
        // RFC 9112 §6.3: a request with neither Content-Length nor Transfer-Encoding has no
        // body. cpp-httplib 0.11 would read one until the client closes the connection.
        if (!request.has_header("Content-Length") && !request.has_header("Transfer-Encoding"))
            request.set_header("Content-Length", "0");
    };
    for (std::size_t left = keep_alive_max_count_; left > 0; --left) {
        if (!waitForNextRequest(stream))
            return;
        stream.beginHead();
        closeRequested = false;
        headRead = false;
        bool clientClosing = false;
        const bool answered = process_request(stream, left == 1, clientClosing, setUpRequest);
        // After a head that could not be read (400, 414) nothing says where the next request
        // would begin.
        if (!answered || !headRead || clientClosing || closeRequested)
            return;
    }
}

bool BoundedServer::waitForNextRequest(const ConnectionStream &stream) const
{
    if (stream.hasBufferedInput())
        return true;
    const auto deadline
        = std::chrono::steady_clock::now() + std::chrono::seconds(keep_alive_timeout_sec_);
    while (svr_sock_ != INVALID_SOCKET && std::chrono::steady_clock::now() < deadline) {
        pollfd entry {stream.socket(), POLLIN, 0};
        const int ready = ::poll(&entry, 1, StopCheckMs);
        if (ready > 0)
            return true;
        if (ready < 0 && errno != EINTR)
            return false;
    }
    return false;
}

} // namespace cqrs::stub
