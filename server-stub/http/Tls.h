#pragma once

#include "server-stub/http/ConnectionStream.h"

#include <QString>

#include <openssl/ssl.h>

#include <memory>

namespace cqrs::stub {

// HTTPS for BoundedServer, so that --tls-cert gets the same limits as plain HTTP: cpp-httplib's
// own SSLServer reads connections its own way, without them.

// The certificate chain and private key (PEM files), loaded once; TLS 1.2 or later, no
// compression, no renegotiation. Throws std::runtime_error when they cannot be loaded.
std::shared_ptr<SSL_CTX> loadTlsContext(const QString &certificateChain, const QString &privateKey);

// One connection's TLS session: the handshake when it is made (at most the read and write
// timeouts long, so a silent client cannot hold a worker), close_notify when it goes.
class TlsSession
{
public:
    // No context: a plain connection, nothing to do.
    TlsSession(SSL_CTX *context, socket_t socket, ConnectionStream::Timeouts timeouts);
    ~TlsSession();
    TlsSession(const TlsSession &) = delete;
    TlsSession &operator=(const TlsSession &) = delete;

    // Plain, or TLS with the handshake done.
    bool usable() const { return m_usable; }
    SSL *ssl() const { return m_ssl; }

private:
    SSL *m_ssl = nullptr;
    bool m_usable = false;
};

} // namespace cqrs::stub
