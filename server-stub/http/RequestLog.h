#pragma once

#include <QString>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace cqrs::stub {

// One structured line per request on stderr:
//   2026-11-24T05:40:00.123Z request=17 method=GET path=/api/v1/me status=200 duration_ms=0.41
// The path is the route's template ("/api/v1/registrations/{token}"), never the path as sent,
// and never the query string, so no token, password or hash reaches the log. A request runs
// on one worker thread from start to log line, so the per-request state is thread-local.
namespace RequestLog {

void begin();
void setRoute(const QString &pathTemplate);
void write(const httplib::Request &request, const httplib::Response &response);

// For a path that matched no route: token-like segments replaced, length capped.
QString redactedPath(const QString &path);

} // namespace RequestLog

} // namespace cqrs::stub
