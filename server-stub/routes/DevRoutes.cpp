#include "server-stub/routes/ApiRoutes.h"

#include "server-stub/http/HttpError.h"
#include "server-stub/service/Backend.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <httplib.h>

namespace cqrs::stub {

namespace {

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(DevRoutes)

public:
    static QString badAdvance()
    {
        return tr("\"advanceSeconds\" must be a whole number from 0 to 315360000 (ten years).");
    }
};

constexpr qint64 MaxAdvanceSeconds = 10LL * 365 * 24 * 60 * 60;

} // namespace

void addDevRoutes(Router &router, const RouteContext &context)
{
    Backend &backend = context.backend;
    router.add("GET", QStringLiteral("/dev/outbox"),
               [&backend](const HttpRequest &, httplib::Response &response) {
                   backend.mailQueue().waitUntilSent();
                   response.set_header("Cache-Control", "no-store");
                   response.set_content(QJsonDocument(backend.outbox().toJson())
                                            .toJson(QJsonDocument::Compact)
                                            .toStdString(),
                                        "application/json");
               });

    router.add("POST", QStringLiteral("/dev/clock"),
               [&backend](const HttpRequest &request, httplib::Response &response) {
                   const QJsonValue value
                       = request.jsonBody().value(QStringLiteral("advanceSeconds"));
                   const double seconds = value.toDouble(-1);
                   if (!value.isDouble() || seconds < 0 || seconds > double(MaxAdvanceSeconds)
                       || seconds != double(qint64(seconds)))
                       throw HttpError::badRequest(Messages::badAdvance());
                   Clock &clock = backend.clock();
                   clock.advance(qint64(seconds));
                   Reply::json(response, 200,
                               {{QStringLiteral("now"), Clock::iso(clock.nowMs())},
                                {QStringLiteral("offsetSeconds"), clock.offsetSeconds()}});
               });
}

} // namespace cqrs::stub
