#include "core/oidc/flow/HttpKeySource.h"

#include "core/oidc/flow/HttpFetch.h"

namespace cqrs {

HttpKeySource::HttpKeySource(QNetworkAccessManager &network, QUrl jwksUri, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_jwksUri(std::move(jwksUri))
{ }

void HttpKeySource::keys(bool refresh, Delivery deliver)
{
    if (m_cached && !refresh)
        return deliver(m_cached, {});
    HttpFetch::get(m_network, m_jwksUri, this,
                   [this, deliver](const QByteArray &body, const QString &error) {
                       if (!error.isEmpty())
                           return deliver(std::nullopt, error);
                       m_cached = JsonWebKeySet::fromJson(body);
                       if (!m_cached)
                           return deliver(std::nullopt,
                                          HttpFetch::tr("The sign-in service's signing keys "
                                                        "could not be read."));
                       deliver(m_cached, {});
                   });
}

} // namespace cqrs
