#pragma once

#include <QString>
#include <QStringView>

namespace cqrs {

// Proof Key for Code Exchange with the S256 method (RFC 7636): the client sends the challenge
// with the authorization request and the verifier with the token request, so an intercepted
// authorization code is useless to anyone else.
struct Pkce
{
    QString verifier;
    QString challenge;

    // A fresh verifier of 43 characters from 32 random bytes (the RFC's recommendation).
    static Pkce generate();
    // BASE64URL(SHA256(ASCII(verifier))), RFC 7636 §4.2.
    static QString challengeFor(QStringView verifier);
    // RFC 7636 §4.1: 43 to 128 characters of [A-Za-z0-9-._~].
    static bool isWellFormedVerifier(QStringView verifier);
    // The server's check at the token endpoint, in constant time.
    static bool matches(QStringView verifier, QStringView challenge);
};

} // namespace cqrs
