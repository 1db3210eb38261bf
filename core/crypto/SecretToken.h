#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace cqrs {

// Registration, reset and session tokens: 256 random bits as unpadded base64url (43 characters
// of [A-Za-z0-9_-]). The server keeps only storageHash(token), so a copy of the database does
// not let anyone use a link or a session.
class SecretToken
{
public:
    static constexpr int RandomBytes = 32;
    static constexpr qsizetype EncodedLength = 43;

    static QString generate();
    static bool isWellFormed(QStringView token);
    // Only [A-Za-z0-9_-]: what base64url and the OAuth state, nonce and code values we issue
    // are made of, safe in a URL without encoding.
    static bool isUrlSafeText(QStringView text);
    // Lower-case hex SHA-256 of the token's ASCII text.
    static QByteArray storageHash(QStringView token);
};

} // namespace cqrs
