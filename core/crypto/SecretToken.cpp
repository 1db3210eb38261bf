#include "core/crypto/SecretToken.h"

#include "core/crypto/SecureRandom.h"

#include <QCryptographicHash>

namespace cqrs {

QString SecretToken::generate()
{
    return SecureRandom::base64Url(RandomBytes);
}

bool SecretToken::isWellFormed(QStringView token)
{
    return token.size() == EncodedLength && isUrlSafeText(token);
}

bool SecretToken::isUrlSafeText(QStringView text)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z')
            || (u >= u'0' && u <= u'9') || u == u'-' || u == u'_';
        if (!ok)
            return false;
    }
    return true;
}

QByteArray SecretToken::storageHash(QStringView token)
{
    return QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex();
}

} // namespace cqrs
