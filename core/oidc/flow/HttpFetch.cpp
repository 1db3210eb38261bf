#include "core/oidc/flow/HttpFetch.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>

namespace cqrs {

void HttpFetch::get(QNetworkAccessManager &network, const QUrl &url, QObject *context, Done done,
                    std::chrono::milliseconds timeout)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(static_cast<int>(timeout.count()));
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = network.get(request);
    QPointer<QObject> alive(context);
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received) {
        if (received > MaxBytes)
            reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, alive, url, done] {
        reply->deleteLater();
        if (!alive)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            done({},
                 tr("Could not reach the sign-in service at %1. Check your connection and "
                    "try again.")
                     .arg(url.host()));
            return;
        }
        done(reply->read(MaxBytes), {});
    });
}

} // namespace cqrs
