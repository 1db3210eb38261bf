#pragma once

#include "core/api/ApiContract.h"

#include <QJsonObject>
#include <QString>

#include <stdexcept>

namespace httplib {
struct Response;
}

namespace cqrs::stub {

// An API error answer, thrown by a handler and turned into
// {"error": code, "message": message, ...extra} with `status` by the router.
class HttpError : public std::runtime_error
{
public:
    HttpError(int status, QString code, QString message, QJsonObject extra = {});
    // An error of the CQRS API: its status is the contract's.
    HttpError(const api::ApiErrorCode &error, QString message, QJsonObject extra = {})
        : HttpError(error.status, QString(error.code), std::move(message), std::move(extra))
    { }

    int status() const { return m_status; }
    QJsonObject toJson() const;

    static HttpError badRequest(const QString &message);

private:
    int m_status;
    QString m_code;
    QString m_message;
    QJsonObject m_extra;
};

namespace Reply {
void json(httplib::Response &response, int status, const QJsonObject &body);
void error(httplib::Response &response, const HttpError &error);
void noContent(httplib::Response &response);
// Where a page's forms may post: nowhere (the landing pages), or anywhere (the stand-in
// provider's sign-in form, whose answer redirects the browser to the app's loopback address,
// which form-action would block in some browsers).
enum class FormTargets { None, Any };
void html(httplib::Response &response, int status, const QString &page,
          FormTargets forms = FormTargets::None);
} // namespace Reply

} // namespace cqrs::stub
