#include "core/oidc/token/Pkce.h"

#include "core/oidc/token/Base64Url.h"

#include "core/crypto/ConstantTime.h"
#include "core/crypto/SecureRandom.h"

#include <QCryptographicHash>

namespace cqrs {

Pkce Pkce::generate()
{
    const QString verifier = SecureRandom::base64Url(32);
    return {verifier, challengeFor(verifier)};
}

QString Pkce::challengeFor(QStringView verifier)
{
    const QByteArray digest
        = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(Base64Url::encode(digest));
}

bool Pkce::isWellFormedVerifier(QStringView verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    for (QChar c : verifier) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z')
            || (u >= u'0' && u <= u'9') || u == u'-' || u == u'.' || u == u'_' || u == u'~';
        if (!ok)
            return false;
    }
    return true;
}

bool Pkce::matches(QStringView verifier, QStringView challenge)
{
    return isWellFormedVerifier(verifier)
        && equalInConstantTime(challengeFor(verifier).toLatin1(), challenge.toLatin1());
}

} // namespace cqrs
