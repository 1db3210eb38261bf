#pragma once

#include "core/transport/ProxySetting.h"

#include <QList>
#include <QPointer>
#include <QSslCertificate>
#include <QString>

class QNetworkAccessManager;
class QNetworkReply;
class QObject;

namespace cqrs {

class ProxyCredentials;

// The one place the app's network connections are configured: the CQRS server's and the
// identity provider's (discovery, keys and QtNetworkAuth's token requests) alike. Every
// QNetworkAccessManager the app uses comes from createManager(), so they share the proxy choice,
// the proxy credentials and the extra trust anchors.
class NetworkAccess
{
public:
    // The system's proxy configuration and the system's trust store.
    NetworkAccess() = default;
    NetworkAccess(ProxySetting proxy, QList<QSslCertificate> extraCaCertificates,
                  ProxyCredentials *proxyCredentials = nullptr);

    // Certificates from a PEM file named by IT policy (`ExtraCaCertificates`). Only CA
    // certificates that are currently valid count; `problem` says why none could be used.
    static QList<QSslCertificate> loadCaCertificates(const QString &pemPath,
                                                     QString *problem = nullptr);

    QNetworkAccessManager *createManager(QObject *parent) const;

    // The proxy a finished request went through (NoProxy when none).
    static QNetworkProxy proxyUsedFor(const QNetworkReply *reply);
    // The proxy refused the request for want of a user name and password, or for wrong ones.
    // Some proxies (tinyproxy among them) answer wrong credentials with a plain 401 instead of
    // another 407; the CQRS server and the identity provider answer 401 only in JSON.
    static bool isProxyRefusal(const QNetworkReply *reply);

    const ProxySetting &proxy() const { return m_proxy; }
    const QList<QSslCertificate> &extraCaCertificates() const { return m_extraCaCertificates; }

private:
    ProxySetting m_proxy;
    QList<QSslCertificate> m_extraCaCertificates;
    QPointer<ProxyCredentials> m_proxyCredentials;
};

} // namespace cqrs
