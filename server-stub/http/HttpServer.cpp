#include "server-stub/http/HttpServer.h"

#include "server-stub/http/BoundedServer.h"
#include "server-stub/http/HttpError.h"
#include "server-stub/http/RequestLog.h"
#include "server-stub/http/Router.h"
#include "server-stub/http/Tls.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <httplib.h>

#include <cstdio>

#include <charconv>
#include <chrono>
#include <stdexcept>
#include <sys/socket.h>
#include <thread>

namespace cqrs::stub {

namespace {

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(HttpServer)

public:
    static HttpError forStatus(int status)
    {
        switch (status) {
        case 413:
            return {api::Errors::PayloadTooLarge,
                    tr("The request body is too large: at most 64 KiB is accepted.")};
        case 414:
            return {api::Errors::UriTooLong, tr("The request address is too long.")};
        case 404:
            return {api::Errors::NotFound, tr("There is nothing at this address. Check the URL.")};
        case 500:
            return {api::Errors::InternalError,
                    tr("The server could not complete the request. Try again; if it keeps "
                       "happening, contact the service desk.")};
        default:
            return {status, QString(api::Errors::BadRequest.code),
                    tr("The request could not be read: check its method, headers (at most 8 KiB "
                       "each, 16 KiB together) and body.")};
        }
    }
};

// Debian's cpp-httplib is built with a listen backlog of 5: a burst of new connections (a
// benchmark's, or many desktop clients after a restart) overflows it, the kernel falls back
// to SYN cookies and some connections fail. listen() again on the bound socket raises the
// backlog; the socket is a protected member, reached through a member pointer.
struct ListeningSocket : httplib::Server
{
    static bool raiseBacklog(httplib::Server &server, int backlog)
    {
        const socket_t socket = (server.*(&ListeningSocket::svr_sock_)).load();
        return ::listen(socket, backlog) == 0;
    }
};

std::unique_ptr<httplib::Server> makeServer(const HttpSettings &settings)
{
    if (settings.tlsCertificate.isEmpty() != settings.tlsKey.isEmpty())
        throw std::runtime_error("--tls-cert and --tls-key must be given together");
    const BoundedServer::Limits limits {settings.maxHeadBytes, settings.maxConnectionsPerClient};
    if (settings.tlsCertificate.isEmpty())
        return std::make_unique<BoundedServer>(limits);
    for (const QString &file : {settings.tlsCertificate, settings.tlsKey}) {
        if (!QFileInfo(file).isReadable())
            throw std::runtime_error("cannot read " + file.toStdString());
    }
    return std::make_unique<BoundedServer>(
        limits, loadTlsContext(settings.tlsCertificate, settings.tlsKey));
}

// The gate has already refused a Content-Length that is not one number; one too long to parse
// is too large too.
bool declaresMoreThan(const httplib::Request &request, std::size_t limit)
{
    const std::string length = request.get_header_value("Content-Length");
    unsigned long long declared = 0;
    const auto [end, error]
        = std::from_chars(length.data(), length.data() + length.size(), declared);
    return error == std::errc::result_out_of_range || (error == std::errc() && declared > limit);
}

} // namespace

HttpServer::HttpServer(const HttpSettings &settings, const Router &router)
    : m_settings(settings)
    , m_server(makeServer(settings))
{
    httplib::Server &server = *m_server;
    const auto workers = static_cast<std::size_t>(std::max(4, settings.workers));
    server.new_task_queue = [workers] {
        return new httplib::ThreadPool(workers);
    };
    server.set_payload_max_length(settings.maxBodyBytes);
    server.set_read_timeout(settings.readTimeoutSeconds, 0);
    server.set_write_timeout(settings.writeTimeoutSeconds, 0);
    server.set_keep_alive_timeout(settings.keepAliveSeconds);
    server.set_keep_alive_max_count(static_cast<std::size_t>(settings.keepAliveMaxRequests));
    server.set_tcp_nodelay(true);

    // Refusals from the headers alone, so that no body is read for a refused request; the
    // connection then closes because its unread body must not be taken for the next request.
    server.set_pre_routing_handler(
        [this, &router](const httplib::Request &request, httplib::Response &response) {
            RequestLog::begin();
            const std::optional<HttpError> refused = headRefusal(request, router);
            if (!refused)
                return httplib::Server::HandlerResponse::Unhandled;
            Reply::error(response, *refused);
            response.set_header("Connection", "close");
            return httplib::Server::HandlerResponse::Handled;
        });
    // A client that waits for "100 Continue" before sending its body gets the refusal instead,
    // so it never sends a body that would only be thrown away.
    server.set_expect_100_continue_handler(
        [this, &router](const httplib::Request &request, httplib::Response &response) {
            const std::optional<HttpError> refused = headRefusal(request, router);
            if (!refused)
                return 100;
            Reply::error(response, *refused);
            response.set_header("Connection", "close");
            // cpp-httplib sizes only routed answers; this one would otherwise end at the close.
            response.set_header("Content-Length", std::to_string(response.body.size()));
            return response.status;
        });
    // Errors the library answers itself (oversized body, unreadable request) get the API's
    // JSON error shape like every other error.
    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request &, httplib::Response &response) {
            if (!response.body.empty())
                return httplib::Server::HandlerResponse::Unhandled;
            Reply::error(response, Messages::forStatus(response.status));
            return httplib::Server::HandlerResponse::Handled;
        }));
    server.set_exception_handler(
        [](const httplib::Request &, httplib::Response &response, std::exception_ptr error) {
            try {
                std::rethrow_exception(std::move(error));
            } catch (const std::exception &e) {
                std::fprintf(stderr, "internal error: %s\n", e.what());
            } catch (...) {
                std::fprintf(stderr, "internal error\n");
            }
            Reply::error(response, Messages::forStatus(500));
        });
    server.set_logger(RequestLog::write);
    router.install(server);
}

std::optional<HttpError> HttpServer::headRefusal(const httplib::Request &request,
                                                 const Router &router) const
{
    std::optional<HttpError> refused = m_gate.refusal(request);
    // Otherwise the library reads and throws away the whole declared body first, holding a
    // worker for as long as a client trickles it.
    if (!refused && declaresMoreThan(request, m_settings.maxBodyBytes))
        refused = Messages::forStatus(413);
    if (!refused)
        refused = router.contentTypeRefusal(request);
    if (RequestGate::leavesUnreadBody(request) || refused)
        BoundedServer::closeAfterAnswer();
    return refused;
}

HttpServer::~HttpServer() = default;

void HttpServer::bind()
{
    const std::string host = m_settings.host.toStdString();
#ifndef _WIN32
    // cpp-httplib's default adds SO_REUSEPORT, with which a second server (any process of this
    // user) binds the same port and takes half the connections. SO_REUSEADDR alone still lets
    // the stub restart at once on a port whose old connections linger.
    m_server->set_socket_options([](socket_t socket) {
        const int yes = 1;
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
#endif
    if (m_settings.port == 0) {
        m_port = m_server->bind_to_any_port(host);
    } else if (m_server->bind_to_port(host, m_settings.port)) {
        m_port = m_settings.port;
    } else {
        m_port = -1;
    }
    if (m_port <= 0) {
        throw std::runtime_error("cannot listen on " + host + ":" + std::to_string(m_settings.port)
                                 + " (address in use, or not an address of this machine)");
    }
    if (!ListeningSocket::raiseBacklog(*m_server, 1024))
        std::fprintf(stderr, "warning: could not raise the listen backlog\n");
    m_gate.setServerUrls({url(), m_settings.publicUrl});
}

bool HttpServer::isPlainHttpOnNetwork() const
{
    return m_settings.tlsCertificate.isEmpty() && !RequestGate::isLoopback(m_settings.host);
}

QString HttpServer::url() const
{
    const QString scheme
        = m_settings.tlsCertificate.isEmpty() ? QStringLiteral("http") : QStringLiteral("https");
    const QString host = m_settings.host.contains(QLatin1Char(':'))
        ? QLatin1Char('[') + m_settings.host + QLatin1Char(']')
        : m_settings.host;
    return QStringLiteral("%1://%2:%3").arg(scheme, host).arg(m_port);
}

void HttpServer::run()
{
    m_server->listen_after_bind();
    m_runReturned = true;
}

void HttpServer::stop()
{
    // cpp-httplib's stop() does nothing until listen_after_bind() has marked the server running:
    // a SIGTERM that arrived in that gap (right after "listening on") left run() serving for ever.
    while (!m_server->is_running() && !m_runReturned)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    m_server->stop();
}

} // namespace cqrs::stub
