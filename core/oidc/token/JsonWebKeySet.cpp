#include "core/oidc/token/JsonWebKeySet.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cqrs {

namespace {

bool isRs256SigningKey(const QJsonObject &jwk)
{
    const QJsonValue use = jwk.value(QLatin1String("use"));
    const QJsonValue alg = jwk.value(QLatin1String("alg"));
    return (use.isUndefined() || use.toString() == QLatin1String("sig"))
        && (alg.isUndefined() || alg.toString() == QLatin1String("RS256"));
}

} // namespace

std::optional<JsonWebKeySet> JsonWebKeySet::fromJson(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    const QJsonValue keys = document.object().value(QLatin1String("keys"));
    if (!document.isObject() || !keys.isArray())
        return std::nullopt;
    JsonWebKeySet set;
    for (const QJsonValue value : keys.toArray()) {
        const QJsonObject jwk = value.toObject();
        if (!isRs256SigningKey(jwk))
            continue;
        if (auto key = RsaPublicKey::fromJwk(jwk))
            set.add(jwk.value(QLatin1String("kid")).toString(), *key);
    }
    return set;
}

void JsonWebKeySet::add(const QString &keyId, const RsaPublicKey &key)
{
    m_entries.append({keyId, key});
}

QByteArray JsonWebKeySet::toJson() const
{
    QJsonArray keys;
    for (const Entry &entry : m_entries) {
        QJsonObject jwk = entry.key.toJwk();
        jwk.insert(QLatin1String("kid"), entry.keyId);
        jwk.insert(QLatin1String("use"), QLatin1String("sig"));
        jwk.insert(QLatin1String("alg"), QLatin1String("RS256"));
        keys.append(jwk);
    }
    return QJsonDocument(QJsonObject {{QLatin1String("keys"), keys}})
        .toJson(QJsonDocument::Compact);
}

std::optional<RsaPublicKey> JsonWebKeySet::find(const QString &keyId) const
{
    if (keyId.isEmpty()) {
        if (m_entries.size() == 1)
            return m_entries.constFirst().key;
        return std::nullopt;
    }
    for (const Entry &entry : m_entries) {
        if (entry.keyId == keyId)
            return entry.key;
    }
    return std::nullopt;
}

} // namespace cqrs
