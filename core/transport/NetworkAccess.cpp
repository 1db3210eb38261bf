#include "core/transport/NetworkAccess.h"

#include "core/transport/ProxyCredentials.h"
#include "core/transport/TransportSecurity.h"

#include <QAuthenticator>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>

#include <algorithm>

namespace cqrs {

namespace {

// The system's proxy configuration (on Windows the Internet Options, WPAD and PAC file; on
// Linux the proxy environment variables), except for this machine itself: a local server-stub
// or test provider is never reached through a proxy.
class SystemProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        if (isLoopbackHost(query.peerHostName()))
            return {QNetworkProxy(QNetworkProxy::NoProxy)};
        return systemProxyForQuery(query);
    }
};

// Adds the extra trust anchors to every request, QtNetworkAuth's included, on top of the trust
// store the request already has. Replacing that store instead would lose the system's roots.
class TrustingManager : public QNetworkAccessManager
{
public:
    TrustingManager(QList<QSslCertificate> extra, QObject *parent)
        : QNetworkAccessManager(parent)
        , m_extra(std::move(extra))
    { }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &original,
                                 QIODevice *outgoingData) override
    {
        QNetworkRequest request(original);
        QSslConfiguration tls = request.sslConfiguration();
        tls.addCaCertificates(m_extra);
        request.setSslConfiguration(tls);
        return QNetworkAccessManager::createRequest(op, request, outgoingData);
    }

private:
    QList<QSslCertificate> m_extra;
};

bool isUsableCa(const QSslCertificate &certificate)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return !certificate.isNull() && certificate.effectiveDate() <= now
        && certificate.expiryDate() > now;
}

} // namespace

NetworkAccess::NetworkAccess(ProxySetting proxy, QList<QSslCertificate> extraCaCertificates,
                             ProxyCredentials *proxyCredentials)
    : m_proxy(std::move(proxy))
    , m_extraCaCertificates(std::move(extraCaCertificates))
    , m_proxyCredentials(proxyCredentials)
{ }

QList<QSslCertificate> NetworkAccess::loadCaCertificates(const QString &pemPath, QString *problem)
{
    QFile file(pemPath);
    if (!file.open(QIODevice::ReadOnly)) {
        if (problem)
            *problem = QStringLiteral("cannot read %1: %2").arg(pemPath, file.errorString());
        return {};
    }
    QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    certificates.erase(std::remove_if(certificates.begin(), certificates.end(),
                                      [](const QSslCertificate &c) { return !isUsableCa(c); }),
                       certificates.end());
    if (certificates.isEmpty() && problem)
        *problem = QStringLiteral("%1 holds no currently valid PEM certificate").arg(pemPath);
    return certificates;
}

QNetworkAccessManager *NetworkAccess::createManager(QObject *parent) const
{
    // Without extra anchors the manager is Qt's own, so nothing about the system's trust store
    // (such as Windows loading roots on demand) changes.
    QNetworkAccessManager *manager = m_extraCaCertificates.isEmpty()
        ? new QNetworkAccessManager(parent)
        : new TrustingManager(m_extraCaCertificates, parent);
    switch (m_proxy.mode()) {
    case ProxySetting::Mode::System:
        manager->setProxyFactory(new SystemProxyFactory);
        break;
    case ProxySetting::Mode::Direct:
        manager->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        break;
    case ProxySetting::Mode::Explicit:
        manager->setProxy(m_proxy.proxy());
        break;
    }
    if (m_proxyCredentials) {
        ProxyCredentials *credentials = m_proxyCredentials.data();
        QObject::connect(manager, &QNetworkAccessManager::proxyAuthenticationRequired, credentials,
                         &ProxyCredentials::answer);
        // Runs before the reply's own handlers. Qt would keep sending refused credentials it
        // has cached without asking again, so they go from its cache as well as from ours.
        QObject::connect(manager, &QNetworkAccessManager::finished, credentials,
                         [manager, credentials](QNetworkReply *reply) {
                             if (credentials->hasCredentials() && isProxyRefusal(reply)) {
                                 credentials->forget();
                                 manager->clearAccessCache();
                             }
                         });
    }
    return manager;
}

QNetworkProxy NetworkAccess::proxyUsedFor(const QNetworkReply *reply)
{
    const QNetworkAccessManager *manager = reply->manager();
    if (!manager)
        return QNetworkProxy(QNetworkProxy::NoProxy);
    QNetworkProxy proxy = manager->proxy();
    if (QNetworkProxyFactory *factory = manager->proxyFactory())
        proxy = factory->queryProxy(QNetworkProxyQuery(reply->url())).value(0);
    const bool none
        = proxy.type() == QNetworkProxy::NoProxy || proxy.type() == QNetworkProxy::DefaultProxy;
    return none ? QNetworkProxy(QNetworkProxy::NoProxy) : proxy;
}

bool NetworkAccess::isProxyRefusal(const QNetworkReply *reply)
{
    if (reply->error() == QNetworkReply::ProxyAuthenticationRequiredError)
        return true;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    return status == 401 && !type.contains(QLatin1String("json"), Qt::CaseInsensitive)
        && proxyUsedFor(reply).type() != QNetworkProxy::NoProxy;
}

} // namespace cqrs
