#include "server-stub/http/RequestGate.h"

#include <QCoreApplication>
#include <QUrl>

#include <httplib.h>

#include <arpa/inet.h>

namespace cqrs::stub {

namespace {

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(RequestGate)

public:
    static QString chunked()
    {
        return tr("Send the request body with a Content-Length header: chunked bodies are not "
                  "accepted.");
    }
    static QString compressed()
    {
        return tr("Send the request body uncompressed: Content-Encoding is not accepted.");
    }
    static QString badLength() { return tr("The Content-Length header must be one number."); }
    static QString oneHost() { return tr("Send one Host header, naming this server."); }
    static QString foreignHost()
    {
        return tr("This server does not serve that host name. Use the address the server was "
                  "started with.");
    }
};

// "host:port" with the port always given and IPv6 in brackets, lower case.
QString authorityOf(const QString &host, int port)
{
    const QString bare = host.startsWith(QLatin1Char('[')) ? host.mid(1, host.size() - 2) : host;
    const QString shown
        = bare.contains(QLatin1Char(':')) ? QLatin1Char('[') + bare + QLatin1Char(']') : bare;
    return QStringLiteral("%1:%2").arg(shown.toLower()).arg(port);
}

bool isNumber(const std::string &text)
{
    return !text.empty() && text.size() <= 18
        && text.find_first_not_of("0123456789") == std::string::npos;
}

} // namespace

void RequestGate::setServerUrls(const QStringList &urls)
{
    m_authorities.clear();
    for (const QString &text : urls) {
        const QUrl url(text);
        if (url.isValid() && !url.host().isEmpty())
            m_authorities.append(authorityOf(
                url.host(), url.port(url.scheme() == QLatin1String("https") ? 443 : 80)));
    }
}

bool RequestGate::isOwnHost(const httplib::Request &request) const
{
    const QString host = QString::fromStdString(request.get_header_value("Host")).trimmed();
    // An authority only: no user info, path or anything a URL parser could reinterpret.
    const QUrl parsed(QStringLiteral("http://") + host);
    if (host.isEmpty() || !parsed.isValid() || parsed.path() != QString()
        || !parsed.userInfo().isEmpty() || host.contains(QLatin1Char('@')))
        return false;
    // Without a port the client used its scheme's default, which behind a TLS proxy is not
    // the scheme the stub sees.
    const QString authority = authorityOf(parsed.host(), parsed.port(80));
    if (m_authorities.contains(authority)
        || (parsed.port() == -1 && m_authorities.contains(authorityOf(parsed.host(), 443))))
        return true;
    // The address the client connected to, as an IP literal, is never a rebound name.
    const QString local = QString::fromStdString(request.local_addr);
    if (authority == authorityOf(local, request.local_port))
        return true;
    return isLoopback(local)
        && authority == authorityOf(QStringLiteral("localhost"), request.local_port);
}

std::optional<HttpError> RequestGate::refusal(const httplib::Request &request) const
{
    if (request.has_header("Transfer-Encoding"))
        return HttpError(api::Errors::LengthRequired, Messages::chunked());
    if (request.has_header("Content-Encoding"))
        return HttpError(api::Errors::UnsupportedMediaType, Messages::compressed());
    const std::size_t lengths = request.get_header_value_count("Content-Length");
    if (lengths > 1 || (lengths == 1 && !isNumber(request.get_header_value("Content-Length"))))
        return HttpError::badRequest(Messages::badLength());
    // RFC 9112 §3.2: more than one Host is answered 400, not read as the first of them; so is
    // an HTTP/1.1 request without one.
    const std::size_t hosts = request.get_header_value_count("Host");
    if (hosts > 1 || (hosts == 0 && request.version == "HTTP/1.1"))
        return HttpError::badRequest(Messages::oneHost());
    if (!isOwnHost(request))
        return HttpError(api::Errors::MisdirectedRequest, Messages::foreignHost());
    return std::nullopt;
}

bool RequestGate::isLoopback(const QString &host)
{
    if (host == QLatin1String("localhost"))
        return true;
    const QByteArray address = host.toLatin1();
    in_addr v4 {};
    in6_addr v6 {};
    if (inet_pton(AF_INET, address.constData(), &v4) == 1)
        return (ntohl(v4.s_addr) >> 24) == 127;
    return inet_pton(AF_INET6, address.constData(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

bool RequestGate::leavesUnreadBody(const httplib::Request &request)
{
    const bool read = request.method == "POST" || request.method == "PUT"
        || request.method == "PATCH" || request.method == "DELETE";
    const std::string length = request.get_header_value("Content-Length");
    return !read && !length.empty() && length != "0";
}

} // namespace cqrs::stub
