#pragma once

#include <httplib.h>

#include <openssl/ssl.h>

#include <array>

namespace cqrs::stub {

// One client connection as cpp-httplib reads and writes it, with the limit the library lacks:
// the request head (request line and headers) may be at most `headLimit` bytes. Debian's
// cpp-httplib 0.11 grows a header line until it sees a newline and keeps every header, so
// without this an endless header line or header section grows memory without bound. Past the
// limit reads fail, the library gives up on the request and the connection is closed. Over
// HTTPS it reads and writes through the connection's TLS session.
class ConnectionStream : public httplib::Stream
{
public:
    struct Timeouts
    {
        int readMs = 5000;
        int writeMs = 5000;
    };

    // `tls`, when given, has done its handshake; it stays the caller's.
    ConnectionStream(socket_t socket, Timeouts timeouts, std::size_t headLimit, SSL *tls = nullptr);

    // Called when a new request begins and when its head has been read.
    void beginHead();
    void beginBody();
    // Bytes already received and not yet read (a pipelined request).
    bool hasBufferedInput() const { return m_bufferBegin < m_bufferEnd || tlsHasInput(); }

    bool is_readable() const override;
    bool is_writable() const override;
    ssize_t read(char *ptr, size_t size) override;
    ssize_t write(const char *ptr, size_t size) override;
    void get_remote_ip_and_port(std::string &ip, int &port) const override;
    void get_local_ip_and_port(std::string &ip, int &port) const override;
    socket_t socket() const override { return m_socket; }

private:
    bool tlsHasInput() const { return m_tls && SSL_pending(m_tls) > 0; }
    ssize_t receive(char *into, std::size_t size);

    socket_t m_socket;
    SSL *m_tls;
    Timeouts m_timeouts;
    std::size_t m_headLimit;
    std::size_t m_headLeft;
    bool m_inHead = true;
    std::array<char, 4096> m_buffer {};
    std::size_t m_bufferBegin = 0;
    std::size_t m_bufferEnd = 0;
};

// "127.0.0.1", "::1": the numeric address of either end of a connected socket.
std::string peerAddress(socket_t socket, int *port = nullptr);
std::string localAddress(socket_t socket, int *port = nullptr);

} // namespace cqrs::stub
