#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>

#include <optional>

namespace cqrs {

class RsaPrivateKey;

// A JWS in compact serialisation (RFC 7515 §7.1): header.payload.signature, each unpadded
// base64url. Parsing checks only the shape; IdTokenValidator judges the content.
struct JsonWebToken
{
    QJsonObject header;
    QJsonObject payload;
    QByteArray signingInput; // the ASCII "header.payload" the signature covers
    QByteArray signature;

    // std::nullopt unless there are exactly three segments, each strict base64url, and the
    // first two decode to JSON objects.
    static std::optional<JsonWebToken> parse(QByteArrayView compact);

    // Signs `payload` with RS256 under `keyId`; the result is the compact serialisation.
    static QByteArray signRs256(const QJsonObject &payload, const QString &keyId,
                                const RsaPrivateKey &key);
};

} // namespace cqrs
