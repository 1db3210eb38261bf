#include "server-stub/http/ConnectionStream.h"

#include <algorithm>
#include <climits>
#include <cstring>

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

namespace cqrs::stub {

namespace {

bool waitFor(socket_t socket, short events, int timeoutMs)
{
    pollfd entry {socket, events, 0};
    int ready = 0;
    do {
        ready = ::poll(&entry, 1, timeoutMs);
    } while (ready < 0 && errno == EINTR);
    return ready > 0;
}

using NameOf = int (*)(int, sockaddr *, socklen_t *);

std::string numericAddress(socket_t socket, NameOf nameOf, int *port)
{
    sockaddr_storage address {};
    socklen_t length = sizeof address;
    if (nameOf(socket, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return {};
    char host[NI_MAXHOST] = {};
    char service[NI_MAXSERV] = {};
    if (getnameinfo(reinterpret_cast<sockaddr *>(&address), length, host, sizeof host, service,
                    sizeof service, NI_NUMERICHOST | NI_NUMERICSERV)
        != 0) {
        return {};
    }
    if (port)
        *port = std::atoi(service);
    return host;
}

} // namespace

std::string peerAddress(socket_t socket, int *port)
{
    return numericAddress(socket, ::getpeername, port);
}

std::string localAddress(socket_t socket, int *port)
{
    return numericAddress(socket, ::getsockname, port);
}

ConnectionStream::ConnectionStream(socket_t socket, Timeouts timeouts, std::size_t headLimit,
                                   SSL *tls)
    : m_socket(socket)
    , m_tls(tls)
    , m_timeouts(timeouts)
    , m_headLimit(headLimit)
    , m_headLeft(headLimit)
{ }

void ConnectionStream::beginHead()
{
    m_inHead = true;
    m_headLeft = m_headLimit;
}

void ConnectionStream::beginBody()
{
    m_inHead = false;
}

bool ConnectionStream::is_readable() const
{
    return hasBufferedInput() || waitFor(m_socket, POLLIN, m_timeouts.readMs);
}

bool ConnectionStream::is_writable() const
{
    return waitFor(m_socket, POLLOUT, m_timeouts.writeMs);
}

ssize_t ConnectionStream::read(char *ptr, size_t size)
{
    if (m_inHead) {
        if (m_headLeft == 0)
            return -1;
        size = std::min(size, m_headLeft);
    }
    if (m_bufferBegin == m_bufferEnd) {
        if (!tlsHasInput() && !waitFor(m_socket, POLLIN, m_timeouts.readMs))
            return -1;
        const ssize_t received = receive(m_buffer.data(), m_buffer.size());
        if (received <= 0)
            return received;
        m_bufferBegin = 0;
        m_bufferEnd = std::size_t(received);
    }
    const std::size_t taken = std::min(size, m_bufferEnd - m_bufferBegin);
    std::memcpy(ptr, m_buffer.data() + m_bufferBegin, taken);
    m_bufferBegin += taken;
    if (m_inHead)
        m_headLeft -= taken;
    return ssize_t(taken);
}

ssize_t ConnectionStream::receive(char *into, std::size_t size)
{
    if (m_tls) {
        const int received = SSL_read(m_tls, into, int(std::min<std::size_t>(size, INT_MAX)));
        if (received > 0)
            return received;
        return SSL_get_error(m_tls, received) == SSL_ERROR_ZERO_RETURN ? 0 : -1;
    }
    ssize_t received = 0;
    do {
        received = ::recv(m_socket, into, size, 0);
    } while (received < 0 && errno == EINTR);
    return received;
}

ssize_t ConnectionStream::write(const char *ptr, size_t size)
{
    if (!is_writable())
        return -1;
    if (m_tls) {
        const int sent = SSL_write(m_tls, ptr, int(std::min<std::size_t>(size, INT_MAX)));
        return sent > 0 ? sent : -1;
    }
    ssize_t sent = 0;
    do {
        sent = ::send(m_socket, ptr, size, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    return sent;
}

void ConnectionStream::get_remote_ip_and_port(std::string &ip, int &port) const
{
    ip = peerAddress(m_socket, &port);
}

void ConnectionStream::get_local_ip_and_port(std::string &ip, int &port) const
{
    ip = localAddress(m_socket, &port);
}

} // namespace cqrs::stub
