#include "core/oidc/flow/HttpFetch.h"

#include "core/transport/TlsProblem.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslError>

#include <memory>

namespace cqrs {

void HttpFetch::get(QNetworkAccessManager &network, const QUrl &url, QObject *context,
                    const Done &done, std::chrono::milliseconds timeout)
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
    // Kept to explain a refused certificate; never ignored.
    auto sslErrors = std::make_shared<QList<QSslError>>();
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [sslErrors](const QList<QSslError> &errors) { *sslErrors = errors; });
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, alive, url, done, sslErrors] {
        reply->deleteLater();
        if (!alive)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (!sslErrors->isEmpty()) {
            const TlsProblem problem = TlsProblem::fromErrors(
                *sslErrors, reply->sslConfiguration().peerCertificateChain(), url.host());
            done({}, problem.explanation(tr("the NHSmail sign-in service")));
            return;
        }
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
