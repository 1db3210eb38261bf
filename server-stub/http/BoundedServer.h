#pragma once

#include "server-stub/http/ClientConnections.h"

#include <httplib.h>

#include <openssl/ssl.h>

#include <memory>

namespace cqrs::stub {

class ConnectionStream;

// cpp-httplib's server with its connection handling replaced, so that what an unauthenticated
// client can make the server hold stays bounded: the request head has a size limit, each client
// address a number of open connections, and a request refused before its body was read ends its
// connection (the unread body is never taken for the next request). Plain HTTP, or HTTPS with
// a TLS context (Tls.h): the same limits either way.
class BoundedServer : public httplib::Server
{
public:
    struct Limits
    {
        std::size_t headBytes = std::size_t(16) * 1024;
        int connectionsPerClient = 128;
    };

    explicit BoundedServer(Limits limits, std::shared_ptr<SSL_CTX> tls = {});

    // From a handler, on the worker serving the request: after this answer, close the
    // connection instead of reading another request from it.
    static void closeAfterAnswer();

private:
    // Overrides cpp-httplib's private hook for each accepted connection.
    bool process_and_close_socket(socket_t socket) override;
    void serve(ConnectionStream &stream);
    bool waitForNextRequest(const ConnectionStream &stream) const;

    Limits m_limits;
    std::shared_ptr<SSL_CTX> m_tls;
    ClientConnections m_clients;
};

} // namespace cqrs::stub
