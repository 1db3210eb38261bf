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
    // Lower-case hex SHA-256 of the token's ASCII text.
    static QByteArray storageHash(QStringView token);
};

} // namespace cqrs
