#include "server-stub/http/RequestLog.h"

#include <QDateTime>
#include <QRegularExpression>

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdio>

namespace cqrs::stub::RequestLog {

namespace {

using SteadyClock = std::chrono::steady_clock;

struct Current
{
    quint64 id = 0;
    SteadyClock::time_point start;
    QString route;
};

std::atomic<quint64> lastId {0};
thread_local Current current;

// Method names come from the client: keep only what a method name can be.
QString safeMethod(const std::string &method)
{
    QString out;
    for (char c : method.substr(0, 16))
        out.append(std::isalpha(static_cast<unsigned char>(c)) ? QChar::fromLatin1(c)
                                                               : QChar(u'?'));
    return out.isEmpty() ? QStringLiteral("-") : out;
}

} // namespace

void begin()
{
    current = {++lastId, SteadyClock::now(), {}};
}

void setRoute(const QString &pathTemplate)
{
    current.route = pathTemplate;
}

QString redactedPath(const QString &path)
{
    static const QRegularExpression secretLike(QStringLiteral("[A-Za-z0-9_\\-]{16,}"));
    QString out = path.left(200);
    out.replace(secretLike, QStringLiteral("{redacted}"));
    for (QChar &c : out) {
        if (!c.isPrint() || c.isSpace())
            c = u'?';
    }
    return out + (path.size() > 200 ? QStringLiteral("...") : QString());
}

void write(const httplib::Request &request, const httplib::Response &response)
{
    const bool begun = current.id != 0;
    const quint64 id = begun ? current.id : ++lastId;
    const QString duration = begun
        ? QString::number(
            std::chrono::duration<double, std::milli>(SteadyClock::now() - current.start).count(),
            'f', 2)
        : QStringLiteral("-");
    const QString path = !current.route.isEmpty()
        ? current.route
        : redactedPath(QString::fromStdString(request.path));
    std::fprintf(stderr, "%s request=%llu method=%s path=%s status=%d duration_ms=%s\n",
                 qPrintable(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)),
                 static_cast<unsigned long long>(id), qPrintable(safeMethod(request.method)),
                 qPrintable(path), response.status, qPrintable(duration));
    current = {};
}

} // namespace cqrs::stub::RequestLog
