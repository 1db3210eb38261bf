#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

using EVP_PKEY = struct evp_pkey_st;

namespace cqrs {

// An RSA public key as published in a JSON Web Key Set, able to check RS256 signatures
// (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 §3.3).
class RsaPublicKey
{
public:
    // Keys shorter than this are refused: RFC 7518 requires 2048 bits for RS256.
    static constexpr int MinimumBits = 2048;

    // From a JWK object: kty "RSA", n and e as unpadded base64url big-endian integers.
    // std::nullopt when any member is missing, malformed or the key is too short.
    static std::optional<RsaPublicKey> fromJwk(const QJsonObject &jwk);

    bool verifyRs256(const QByteArray &signedData, const QByteArray &signature) const;
    // The public JWK members {kty, n, e} (the caller adds kid, use, alg).
    QJsonObject toJwk() const;

private:
    explicit RsaPublicKey(std::shared_ptr<EVP_PKEY> key);
    std::shared_ptr<EVP_PKEY> m_key;

    friend class RsaPrivateKey;
};

// An RSA key pair for signing RS256 tokens: the stand-in identity provider's key and the tests'.
class RsaPrivateKey
{
public:
    static RsaPrivateKey generate(int bits = 2048);
    // PKCS#8 PEM, unencrypted: the stub keeps it in its database, which is a test fixture.
    static std::optional<RsaPrivateKey> fromPem(const QByteArray &pem);
    QByteArray toPem() const;

    QByteArray signRs256(const QByteArray &data) const;
    RsaPublicKey publicKey() const;

private:
    explicit RsaPrivateKey(std::shared_ptr<EVP_PKEY> key);
    std::shared_ptr<EVP_PKEY> m_key;
};

} // namespace cqrs
