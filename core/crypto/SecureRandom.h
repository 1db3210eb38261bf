#pragma once

#include <QByteArray>

namespace cqrs::SecureRandom {

// Bytes from OpenSSL's CSPRNG. Aborts if the generator fails: every caller makes secrets, and a
// predictable secret is worse than no program at all.
QByteArray bytes(qsizetype count);

// `byteCount` random bytes as unpadded base64url: the alphabet [A-Za-z0-9_-], safe in URLs.
QString base64Url(qsizetype byteCount);

} // namespace cqrs::SecureRandom
