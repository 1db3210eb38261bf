#pragma once

#include "server-stub/http/HttpError.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace httplib {
struct Request;
}

namespace cqrs::stub {

// The checks every request passes after its headers and before any of its body is read:
// - framing: a body must come with a Content-Length the server can bound in advance, never
//   chunked (Transfer-Encoding, 411) or compressed (Content-Encoding, 415);
// - the Host header must name this server (421), so that a web page whose host name was
//   rebound to this address (DNS rebinding) cannot read or change anything here.
class RequestGate
{
public:
    // The server's own URLs ("http://127.0.0.1:8080", the --public-url); the address a request
    // actually reached and, on loopback, "localhost" are accepted too.
    void setServerUrls(const QStringList &urls);

    std::optional<HttpError> refusal(const httplib::Request &request) const;
    // "127.0.0.1", "127.1.2.3", "::1", "localhost".
    static bool isLoopback(const QString &host);
    // A body the library will not read (on GET, say) would be taken for the next request.
    static bool leavesUnreadBody(const httplib::Request &request);

private:
    bool isOwnHost(const httplib::Request &request) const;

    QStringList m_authorities; // "127.0.0.1:8080", "[::1]:8080", "cqrs.example:443"
};

} // namespace cqrs::stub
