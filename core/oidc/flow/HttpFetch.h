#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>

class QNetworkAccessManager;
class QObject;

namespace cqrs {

// GETs a small public document (a discovery document or a key set). `done` runs once with the
// body of a 200 answer, or with an empty body and a plain-English error; never if `context`
// is destroyed first.
class HttpFetch
{
    Q_DECLARE_TR_FUNCTIONS(cqrs::HttpFetch)

public:
    static constexpr qint64 MaxBytes = 1024 * 1024;
    static constexpr std::chrono::seconds DefaultTimeout {20};

    using Done = std::function<void(const QByteArray &body, const QString &error)>;
    static void get(QNetworkAccessManager &network, const QUrl &url, QObject *context,
                    const Done &done, std::chrono::milliseconds timeout = DefaultTimeout);
};

} // namespace cqrs
