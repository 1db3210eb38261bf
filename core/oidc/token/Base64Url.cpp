#include "core/oidc/token/Base64Url.h"

namespace cqrs::Base64Url {

namespace {

bool isAlphabet(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
        || c == '_';
}

} // namespace

QByteArray encode(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> decode(QByteArrayView text)
{
    // A length of 1 modulo 4 cannot come from any byte string.
    if (text.size() % 4 == 1)
        return std::nullopt;
    for (char c : text) {
        if (!isAlphabet(c))
            return std::nullopt;
    }
    auto result = QByteArray::fromBase64Encoding(text.toByteArray(),
                                                 QByteArray::Base64UrlEncoding
                                                     | QByteArray::AbortOnBase64DecodingErrors);
    // Unused low bits in the last character must be zero: one encoding per byte string.
    if (!result || encode(*result) != text)
        return std::nullopt;
    return *result;
}

} // namespace cqrs::Base64Url
