#include "server-stub/http/Tls.h"

#include <stdexcept>

#include <sys/socket.h>
#include <sys/time.h>

namespace cqrs::stub {

namespace {

void setTimeout(socket_t socket, int option, int ms)
{
    const timeval limit {ms / 1000, suseconds_t(ms % 1000) * 1000};
    ::setsockopt(socket, SOL_SOCKET, option, &limit, sizeof limit);
}

} // namespace

std::shared_ptr<SSL_CTX> loadTlsContext(const QString &certificateChain, const QString &privateKey)
{
    std::shared_ptr<SSL_CTX> context(SSL_CTX_new(TLS_server_method()), SSL_CTX_free);
    if (!context)
        throw std::runtime_error("TLS could not be set up");
    SSL_CTX_set_min_proto_version(context.get(), TLS1_2_VERSION);
    SSL_CTX_set_options(context.get(), SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
    if (SSL_CTX_use_certificate_chain_file(context.get(),
                                           certificateChain.toLocal8Bit().constData())
            != 1
        || SSL_CTX_use_PrivateKey_file(context.get(), privateKey.toLocal8Bit().constData(),
                                       SSL_FILETYPE_PEM)
            != 1
        || SSL_CTX_check_private_key(context.get()) != 1)
        throw std::runtime_error("the TLS certificate or key could not be loaded (PEM expected)");
    return context;
}

TlsSession::TlsSession(SSL_CTX *context, socket_t socket, ConnectionStream::Timeouts timeouts)
{
    if (!context) {
        m_usable = true;
        return;
    }
    // The socket is blocking: the timeouts bound the handshake and any TLS record a client
    // leaves half sent.
    setTimeout(socket, SO_RCVTIMEO, timeouts.readMs);
    setTimeout(socket, SO_SNDTIMEO, timeouts.writeMs);
    m_ssl = SSL_new(context);
    m_usable = m_ssl && SSL_set_fd(m_ssl, socket) == 1 && SSL_accept(m_ssl) == 1;
}

TlsSession::~TlsSession()
{
    if (!m_ssl)
        return;
    if (m_usable)
        SSL_shutdown(m_ssl);
    SSL_free(m_ssl);
}

} // namespace cqrs::stub
