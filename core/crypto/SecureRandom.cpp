#include "core/crypto/SecureRandom.h"

#include <QString>
#include <QtGlobal>

#include <openssl/rand.h>

namespace cqrs::SecureRandom {

QByteArray bytes(qsizetype count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (count > 0
        && RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), static_cast<int>(count))
            != 1) {
        qFatal("OpenSSL could not produce random bytes");
    }
    return out;
}

QString base64Url(qsizetype byteCount)
{
    return QString::fromLatin1(
        bytes(byteCount).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace cqrs::SecureRandom
