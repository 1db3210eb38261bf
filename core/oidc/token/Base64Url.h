#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace cqrs::Base64Url {

// Unpadded base64url (RFC 7515 §2), the encoding of every JWT segment and JWK integer.
QByteArray encode(const QByteArray &data);
// Strict: refuses padding, whitespace and any character outside [A-Za-z0-9_-], so a token
// cannot be altered into a different string that decodes the same.
std::optional<QByteArray> decode(QByteArrayView text);

} // namespace cqrs::Base64Url
