#pragma once

#include "core/oidc/token/SigningKeySource.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <optional>

namespace cqrs {

// The provider's signing keys, fetched from its jwks_uri and cached until a token names a key
// the cache does not hold (IdTokenVerifier then asks for a refresh, following key rotation).
class HttpKeySource : public QObject, public SigningKeySource
{
    Q_OBJECT

public:
    HttpKeySource(QNetworkAccessManager &network, QUrl jwksUri, QObject *parent = nullptr);

    void keys(bool refresh, Delivery deliver) override;

private:
    QNetworkAccessManager &m_network;
    QUrl m_jwksUri;
    std::optional<JsonWebKeySet> m_cached;
};

} // namespace cqrs
