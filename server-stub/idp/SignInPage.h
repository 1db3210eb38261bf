#pragma once

#include "server-stub/idp/AuthorizationRequest.h"

#include <QCoreApplication>
#include <QString>

namespace httplib {
struct Response;
}

namespace cqrs::stub {

// The stand-in provider's HTML: the email + password form (carrying the authorization request
// in hidden fields) and the page for requests that cannot be sent back to any client.
class SignInPage
{
    Q_DECLARE_TR_FUNCTIONS(cqrs::stub::SignInPage)

public:
    // With a `problem`, answered with `status` (a wrong password, or signing in paused).
    static void form(httplib::Response &response, const AuthorizationRequest &request,
                     const QString &email = {}, const QString &problem = {}, int status = 401);
    // `problem` is plain text, escaped here where it becomes HTML.
    static void refusal(httplib::Response &response, const QString &problem);
};

} // namespace cqrs::stub
