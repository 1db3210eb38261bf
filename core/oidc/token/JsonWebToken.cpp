#include "core/oidc/token/JsonWebToken.h"

#include "core/oidc/token/Base64Url.h"
#include "core/oidc/token/RsaKey.h"

#include <QJsonDocument>
#include <QList>

namespace cqrs {

namespace {

std::optional<QJsonObject> decodeObject(QByteArrayView segment)
{
    const auto json = Base64Url::decode(segment);
    if (!json)
        return std::nullopt;
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(*json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

QByteArray encodeObject(const QJsonObject &object)
{
    return Base64Url::encode(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

std::optional<JsonWebToken> JsonWebToken::parse(QByteArrayView compact)
{
    const QList<QByteArray> segments = compact.toByteArray().split('.');
    if (segments.size() != 3)
        return std::nullopt;
    const auto header = decodeObject(segments.at(0));
    const auto payload = decodeObject(segments.at(1));
    const auto signature = Base64Url::decode(segments.at(2));
    if (!header || !payload || !signature)
        return std::nullopt;
    return JsonWebToken {*header, *payload, segments.at(0) + '.' + segments.at(1), *signature};
}

QByteArray JsonWebToken::signRs256(const QJsonObject &payload, const QString &keyId,
                                   const RsaPrivateKey &key)
{
    const QJsonObject header {{QLatin1String("alg"), QLatin1String("RS256")},
                              {QLatin1String("typ"), QLatin1String("JWT")},
                              {QLatin1String("kid"), keyId}};
    const QByteArray signingInput = encodeObject(header) + '.' + encodeObject(payload);
    return signingInput + '.' + Base64Url::encode(key.signRs256(signingInput));
}

} // namespace cqrs
