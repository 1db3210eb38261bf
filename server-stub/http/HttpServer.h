#pragma once

#include "server-stub/http/RequestGate.h"

#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace httplib {
class Server;
struct Request;
} // namespace httplib

namespace cqrs::stub {

class Router;

struct HttpSettings
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 8080; // 0: an ephemeral port
    QString tlsCertificate;
    QString tlsKey;
    // One worker holds one connection for its whole keep-alive life (cpp-httplib's model), so
    // the pool is sized for many idle or slow connections, not for the CPU: hashing is bounded
    // separately by HashingPool.
    int workers = 256;
    std::size_t maxBodyBytes = std::size_t(64) * 1024;
    int readTimeoutSeconds = 5;
    int writeTimeoutSeconds = 5;
    int keepAliveSeconds = 5;
    int keepAliveMaxRequests = 1000;
    // Request line and headers together (HTTP and HTTPS; see BoundedServer).
    std::size_t maxHeadBytes = std::size_t(16) * 1024;
    // Open connections from one client address (HTTP and HTTPS; see BoundedServer).
    int maxConnectionsPerClient = 128;
    // --public-url: a Host header naming it is the server's own.
    QString publicUrl;
};

// cpp-httplib server with the stub's limits, the checks of RequestGate and Router made before
// any body is read, JSON answers for errors the library detects itself (413, 400, 414) and the
// request log.
class HttpServer
{
public:
    HttpServer(const HttpSettings &settings, const Router &router);
    ~HttpServer();

    // Binds the listening socket; throws std::runtime_error with a plain reason on failure.
    void bind();
    // "http://127.0.0.1:54321": the address actually bound.
    QString url() const;
    // True when anyone on the network could read the traffic: plain HTTP on an address other
    // than loopback.
    bool isPlainHttpOnNetwork() const;
    // Serves until stop() is called from another thread.
    void run();
    void stop();

private:
    // What RequestGate and the route's Content-Type refuse from the headers alone; marks the
    // connection to close after the answer when a body would be left unread.
    std::optional<HttpError> headRefusal(const httplib::Request &request,
                                         const Router &router) const;

    HttpSettings m_settings;
    std::unique_ptr<httplib::Server> m_server;
    RequestGate m_gate;
    int m_port = 0;
    std::atomic<bool> m_runReturned {false};
};

} // namespace cqrs::stub
