#include "server-stub/http/HttpError.h"

#include <QJsonDocument>

#include <httplib.h>

namespace cqrs::stub {

HttpError::HttpError(int status, QString code, QString message, QJsonObject extra)
    : std::runtime_error(code.toStdString())
    , m_status(status)
    , m_code(std::move(code))
    , m_message(std::move(message))
    , m_extra(std::move(extra))
{ }

QJsonObject HttpError::toJson() const
{
    QJsonObject body = m_extra;
    body.insert(QStringLiteral("error"), m_code);
    body.insert(QStringLiteral("message"), m_message);
    return body;
}

HttpError HttpError::badRequest(const QString &message)
{
    return HttpError(api::Errors::BadRequest, message);
}

namespace Reply {

void json(httplib::Response &response, int status, const QJsonObject &body)
{
    response.status = status;
    response.set_header("Cache-Control", "no-store");
    response.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(),
                         "application/json");
}

void error(httplib::Response &response, const HttpError &error)
{
    json(response, error.status(), error.toJson());
    // RFC 9110 §11.6.1: a 401 names how to authenticate: every API call that can answer it takes
    // a Bearer token (a session, or the admin key).
    if (error.status() == 401)
        response.set_header("WWW-Authenticate", "Bearer realm=\"cqrs\"");
}

void noContent(httplib::Response &response)
{
    response.status = 204;
    response.set_header("Cache-Control", "no-store");
}

void html(httplib::Response &response, int status, const QString &page, FormTargets forms)
{
    response.status = status;
    response.set_header("Cache-Control", "no-store");
    // The page's URL holds a token: never send it on to another site.
    response.set_header("Referrer-Policy", "no-referrer");
    response.set_header("Content-Security-Policy",
                        forms == FormTargets::None
                            ? "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
                              "form-action 'none'; frame-ancestors 'none'"
                            : "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; "
                              "frame-ancestors 'none'");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_content(page.toStdString(), "text/html; charset=utf-8");
}

} // namespace Reply

} // namespace cqrs::stub
