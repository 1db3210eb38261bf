#include "server-stub/http/Router.h"

#include "server-stub/http/HttpError.h"
#include "server-stub/http/RequestLog.h"

#include <QCoreApplication>

#include <httplib.h>

namespace cqrs::stub {

namespace {

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(Router)

public:
    static QString notFound() { return tr("There is nothing at this address. Check the URL."); }
    static QString wrongMethod(const QString &allowed)
    {
        return tr("This address does not accept that method. Allowed: %1.").arg(allowed);
    }
    static QString wrongType(const char *expected)
    {
        return tr("Send the request body in UTF-8 with \"Content-Type: %1\".")
            .arg(QString::fromLatin1(expected));
    }
};

// "application/json; charset=utf-8" -> "application/json"
std::string mediaTypeOf(const std::string &contentType)
{
    std::string type = contentType.substr(0, contentType.find(';'));
    type.erase(0, type.find_first_not_of(" \t"));
    type.erase(type.find_last_not_of(" \t") + 1);
    for (char &c : type)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return type;
}

// True unless a charset other than UTF-8 is named: the body is always read as UTF-8, so one
// sent as Latin-1 or UTF-16 would be misread rather than refused.
bool namesOnlyUtf8(const std::string &contentType)
{
    static const QRegularExpression charset(
        QStringLiteral(R"re(;\s*charset\s*=\s*"?([^";\s]*)"?)re"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch named = charset.match(QString::fromStdString(contentType));
    return !named.hasMatch() || named.captured(1).compare(u"utf-8", Qt::CaseInsensitive) == 0;
}

QRegularExpression patternFor(const QString &pathTemplate)
{
    static const QRegularExpression placeholder(QStringLiteral(R"(\\\{[A-Za-z]+\\\})"));
    QString pattern = QRegularExpression::escape(pathTemplate);
    pattern.replace(placeholder, QStringLiteral("([^/]+)"));
    return QRegularExpression(QRegularExpression::anchoredPattern(pattern));
}

} // namespace

void Router::add(const std::string &method, const QString &pathTemplate, Handler handler)
{
    const bool takesBody = method == "POST" || method == "PUT" || method == "PATCH";
    add(method, pathTemplate, takesBody ? Body::Json : Body::None, std::move(handler));
}

void Router::add(const std::string &method, const QString &pathTemplate, Body body, Handler handler)
{
    m_routes.push_back({method, pathTemplate, patternFor(pathTemplate), body, std::move(handler)});
}

std::string Router::effectiveMethod(const std::string &method)
{
    return method == "HEAD" ? std::string("GET") : method;
}

std::optional<HttpError> Router::contentTypeRefusal(const httplib::Request &request) const
{
    const std::string method = effectiveMethod(request.method);
    const QString path = QString::fromStdString(request.path);
    for (const Route &route : m_routes) {
        if (route.method != method || !route.pattern.match(path).hasMatch())
            continue;
        const char *expected = route.body == Body::Json ? "application/json"
            : route.body == Body::Form                  ? "application/x-www-form-urlencoded"
                                                        : nullptr;
        const std::string contentType = request.get_header_value("Content-Type");
        if (!expected || (mediaTypeOf(contentType) == expected && namesOnlyUtf8(contentType)))
            return std::nullopt;
        return HttpError(api::Errors::UnsupportedMediaType, Messages::wrongType(expected));
    }
    return std::nullopt;
}

void Router::install(httplib::Server &server) const
{
    const std::string everything = ".*";
    const auto byMethod = [this](const httplib::Request &q, httplib::Response &r) {
        dispatch(effectiveMethod(q.method), q, r);
    };
    server.Get(everything, byMethod);
    server.Post(everything, byMethod);
    server.Put(everything, byMethod);
    server.Patch(everything, byMethod);
    server.Delete(everything, byMethod);
    server.Options(everything, byMethod);
}

void Router::dispatch(const std::string &method, const httplib::Request &request,
                      httplib::Response &response) const
{
    const QString path = QString::fromStdString(request.path);
    QStringList allowed;
    for (const Route &route : m_routes) {
        const QRegularExpressionMatch match = route.pattern.match(path);
        if (!match.hasMatch())
            continue;
        if (route.method != method) {
            allowed.append(QString::fromStdString(route.method));
            // cpp-httplib answers HEAD wherever there is a GET.
            if (route.method == "GET")
                allowed.append(QStringLiteral("HEAD"));
            RequestLog::setRoute(route.pathTemplate);
            continue;
        }
        RequestLog::setRoute(route.pathTemplate);
        QStringList arguments = match.capturedTexts();
        arguments.removeFirst();
        try {
            route.handler(HttpRequest(request, arguments), response);
        } catch (const HttpError &error) {
            Reply::error(response, error);
        }
        return;
    }
    if (allowed.isEmpty()) {
        Reply::error(response, HttpError(api::Errors::NotFound, Messages::notFound()));
        return;
    }
    const QString allow = allowed.join(QStringLiteral(", "));
    Reply::error(response, HttpError(api::Errors::MethodNotAllowed, Messages::wrongMethod(allow)));
    response.set_header("Allow", allow.toStdString());
}

} // namespace cqrs::stub
