#pragma once

#include "core/oidc/token/JsonWebKeySet.h"
#include "core/oidc/token/RsaKey.h"

#include <QString>

namespace cqrs::stub {

class Database;

// The stand-in provider's RS256 key: generated at the first start and kept in the database, so
// tokens stay verifiable across restarts and testers can pin the JWKS.
class IdpSigningKey
{
public:
    static IdpSigningKey loadOrCreate(const Database &database, qint64 nowMs);

    const QString &keyId() const { return m_keyId; }
    const RsaPrivateKey &privateKey() const { return m_key; }
    JsonWebKeySet publicKeys() const;

private:
    IdpSigningKey(QString keyId, RsaPrivateKey key);

    QString m_keyId;
    RsaPrivateKey m_key;
};

} // namespace cqrs::stub
