#include "server-stub/idp/SignInPage.h"

#include "server-stub/http/HttpError.h"

#include <httplib.h>

namespace cqrs::stub {

namespace {

QString hidden(const char *name, const QString &value)
{
    return QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">")
        .arg(QLatin1String(name), value.toHtmlEscaped());
}

void send(httplib::Response &response, int status, const QString &body)
{
    const QString page
        = QStringLiteral("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                         "<title>%1</title><style>body{font-family:sans-serif;max-width:28em;"
                         "margin:3em auto}label,input{display:block;margin:.4em 0}"
                         ".problem{color:#a00}</style></head><body>%2</body></html>")
              .arg(SignInPage::tr("NHSmail (stand-in) sign-in"), body);
    Reply::html(response, status, page, Reply::FormTargets::Any);
}

} // namespace

void SignInPage::form(httplib::Response &response, const AuthorizationRequest &request,
                      const QString &email, const QString &problem, int status)
{
    QString body = tr("<h1>Sign in to NHSmail</h1>"
                      "<p>This is the CQRS server-stub's stand-in for NHSmail, for testing "
                      "only.</p>");
    if (!problem.isEmpty())
        body += QStringLiteral("<p class=\"problem\" role=\"alert\">%1</p>")
                    .arg(problem.toHtmlEscaped());
    body += QStringLiteral("<form method=\"post\" action=\"/idp/authorize\">")
        + hidden("response_type", request.responseType) + hidden("client_id", request.clientId)
        + hidden("redirect_uri", request.redirectUri) + hidden("scope", request.scope)
        + hidden("state", request.state) + hidden("nonce", request.nonce)
        + hidden("code_challenge", request.codeChallenge)
        + hidden("code_challenge_method", request.codeChallengeMethod)
        + QStringLiteral("<label for=\"email\">%1</label>"
                         "<input id=\"email\" name=\"email\" type=\"email\" "
                         "autocomplete=\"username\" required value=\"%2\">"
                         "<label for=\"password\">%3</label>"
                         "<input id=\"password\" name=\"password\" type=\"password\" "
                         "autocomplete=\"current-password\" required>"
                         "<button name=\"action\" value=\"sign-in\">%4</button> "
                         "<button name=\"action\" value=\"cancel\" formnovalidate>%5</button>"
                         "</form>")
              .arg(tr("NHSmail address"), email.toHtmlEscaped(), tr("Password"), tr("Sign in"),
                   tr("Cancel"));
    send(response, problem.isEmpty() ? 200 : status, body);
}

void SignInPage::refusal(httplib::Response &response, const QString &problem)
{
    send(response, 400,
         QStringLiteral("<h1>%1</h1><p class=\"problem\">%2</p>")
             .arg(tr("This sign-in cannot continue"), problem.toHtmlEscaped()));
}

} // namespace cqrs::stub
