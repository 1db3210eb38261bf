#pragma once

#include "server-stub/http/HttpRequest.h"

#include <QRegularExpression>
#include <QString>

#include <functional>
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
// and another method, and turns a thrown HttpError into its JSON error.
class Router
{
public:
    using Handler = std::function<void(const HttpRequest &, httplib::Response &)>;

    void add(const std::string &method, const QString &pathTemplate, Handler handler);

    // Sends every request of `server` through this table.
    void install(httplib::Server &server) const;

private:
    struct Route
    {
        std::string method;
        QString pathTemplate;
        QRegularExpression pattern;
        Handler handler;
    };

    void dispatch(const std::string &method, const httplib::Request &request,
                  httplib::Response &response) const;

    std::vector<Route> m_routes;
};

} // namespace cqrs::stub
