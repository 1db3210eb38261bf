#pragma once

#include "server-stub/http/HttpError.h"
#include "server-stub/http/HttpRequest.h"

#include <QRegularExpression>
#include <QString>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace httplib {
class Server;
struct Response;
} // namespace httplib

namespace cqrs::stub {

// The API's route table. Paths are templates such as "/api/v1/registrations/{token}"; a
// placeholder matches one path segment and reaches the handler as a path argument. The router
// answers what the table implies: 404 for an unknown path, 405 (with Allow) for a known path
// and another method, 415 for a body of another type than the route takes, and turns a thrown
// HttpError into its JSON error.
class Router
{
public:
    using Handler = std::function<void(const HttpRequest &, httplib::Response &)>;

    // What a route's body is. Checking the Content-Type before anything else means a web page
    // cannot reach a JSON route with a cross-site form or a "simple" fetch (CSRF): those can
    // only send form, multipart or text/plain bodies.
    enum class Body {
        Json, // Content-Type: application/json; the default for POST, PUT and PATCH
        Form, // Content-Type: application/x-www-form-urlencoded (HTML forms)
        None, // no body is read: any Content-Type; the default for other methods
    };

    void add(const std::string &method, const QString &pathTemplate, Handler handler);
    void add(const std::string &method, const QString &pathTemplate, Body body, Handler handler);

    // Sends every request of `server` through this table.
    void install(httplib::Server &server) const;

    // 415 when the request's Content-Type is not what its route takes; decided from the
    // headers alone, before the body is read.
    std::optional<HttpError> contentTypeRefusal(const httplib::Request &request) const;

private:
    struct Route
    {
        std::string method;
        QString pathTemplate;
        QRegularExpression pattern;
        Body body;
        Handler handler;
    };

    static std::string effectiveMethod(const std::string &method);

    void dispatch(const std::string &method, const httplib::Request &request,
                  httplib::Response &response) const;

    std::vector<Route> m_routes;
};

} // namespace cqrs::stub
