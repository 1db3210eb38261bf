#include "server-stub/routes/ApiRoutes.h"

#include "core/crypto/SecretToken.h"
#include "server-stub/http/HttpError.h"

#include <QCoreApplication>

#include <httplib.h>

namespace cqrs::stub {

namespace {

class Page
{
    Q_DECLARE_TR_FUNCTIONS(LandingPages)

public:
    static QString forLink(const QString &appLink, bool registering)
    {
        const QString heading = registering ? tr("Finish your CQRS National registration")
                                            : tr("Reset your CQRS National password");
        return wrap(heading,
                    // Browsers open another app only when the person asks (some also ask
                    // "Open CQRS Desktop?"), so the page asks for the click, not promises.
                    tr("<p>Choose <strong>Open CQRS Desktop</strong> to carry on in the app, "
                       "where you choose your password. If your browser asks whether to open "
                       "CQRS Desktop, choose to open it.</p>"
                       "<p><a class=\"button\" href=\"%1\">Open CQRS Desktop</a></p>"
                       "<h2>If the app does not open</h2><ol>"
                       "<li>Check that CQRS Desktop is installed on this computer. If it is "
                       "not, ask your IT team to install it, then open the link in the email "
                       "again.</li>"
                       "<li>Or copy this app link into your browser's address bar and press "
                       "Enter:<br><code>%1</code></li>"
                       "<li>The link works once. If it has expired, ask for a new one.</li>"
                       "</ol>")
                        .arg(appLink));
    }

    static QString broken()
    {
        return wrap(tr("This link is not complete"),
                    tr("<p>The address is missing its token or has been cut short. Open the "
                       "link again from the email, making sure you use all of it, or copy "
                       "the whole link into your browser.</p>"));
    }

private:
    static QString wrap(const QString &heading, const QString &content)
    {
        return QStringLiteral(
                   "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                   "<title>%1</title><style>body{font-family:Arial,sans-serif;max-width:40em;"
                   "margin:2em auto;padding:0 1em;color:#212b32}a.button{display:inline-block;"
                   "background:#007f3b;color:#fff;padding:.6em 1.2em;text-decoration:none;"
                   "border-radius:4px}code{word-break:break-all}</style></head><body>"
                   "<h1>%1</h1>%2<h2>%3</h2><p>%4</p></body></html>")
            .arg(heading, content, tr("Need help?"),
                 tr("Contact the CQRS service desk: <a href=\"mailto:support@cqrs.co.uk\">"
                    "support@cqrs.co.uk</a> or <a href=\"tel:03301244039\">0330 124 4039</a>."));
    }
};

} // namespace

void addLandingPages(Router &router, const RouteContext &)
{
    for (const bool registering : {true, false}) {
        const QString route = registering ? QStringLiteral("register") : QStringLiteral("reset");
        router.add("GET", QLatin1Char('/') + route,
                   [route, registering](const HttpRequest &request, httplib::Response &response) {
                       const QString token = request.query("token");
                       // Only a well-formed token is echoed into the page, so nothing a link
                       // carries can become markup.
                       if (!SecretToken::isWellFormed(token)) {
                           Reply::html(response, 400, Page::broken());
                           return;
                       }
                       Reply::html(
                           response, 200,
                           Page::forLink(QStringLiteral("cqrs://%1?token=%2").arg(route, token),
                                         registering));
                   });
    }
}

} // namespace cqrs::stub
