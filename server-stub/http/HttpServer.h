#pragma once

#include <QString>

#include <memory>

namespace httplib {
class Server;
}

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
    std::size_t maxBodyBytes = 64 * 1024;
    int readTimeoutSeconds = 5;
    int writeTimeoutSeconds = 5;
    int keepAliveSeconds = 5;
    int keepAliveMaxRequests = 1000;
};

// cpp-httplib server with the stub's limits, JSON answers for errors the library detects
// itself (413, 400, 414) and the request log.
class HttpServer
{
public:
    HttpServer(const HttpSettings &settings, const Router &router);
    ~HttpServer();

    // Binds the listening socket; throws std::runtime_error with a plain reason on failure.
    void bind();
    // "http://127.0.0.1:54321": the address actually bound.
    QString url() const;
    // Serves until stop() is called from another thread.
    void run();
    void stop();

private:
    HttpSettings m_settings;
    std::unique_ptr<httplib::Server> m_server;
    int m_port = 0;
};

} // namespace cqrs::stub
