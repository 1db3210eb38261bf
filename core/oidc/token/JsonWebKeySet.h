#pragma once

#include "core/oidc/token/RsaKey.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace cqrs {

// The signing keys an OpenID provider publishes at its jwks_uri (RFC 7517). Only RSA keys
// meant for signatures are kept; other keys (encryption, EC, oct) are skipped, not errors,
// because real providers publish mixed sets.
class JsonWebKeySet
{
public:
    struct Entry
    {
        QString keyId;
        RsaPublicKey key;
    };

    // std::nullopt when the document is not a JSON object with a "keys" array.
    static std::optional<JsonWebKeySet> fromJson(const QByteArray &json);

    void add(const QString &keyId, const RsaPublicKey &key);
    QByteArray toJson() const;

    // The key for `keyId`; with an empty `keyId`, the only key when there is exactly one.
    std::optional<RsaPublicKey> find(const QString &keyId) const;
    qsizetype size() const { return m_entries.size(); }

private:
    QList<Entry> m_entries;
};

} // namespace cqrs
