#include "core/oidc/token/RsaKey.h"

#include "core/oidc/token/Base64Url.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

namespace cqrs {

namespace {

template<typename T, void (*Free)(T *)> struct Deleter
{
    void operator()(T *p) const { Free(p); }
};
using BigNum = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using ParamBuilder = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM, OSSL_PARAM_free>>;
using KeyContext = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

std::shared_ptr<EVP_PKEY> adopt(EVP_PKEY *key)
{
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

const unsigned char *bytesOf(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

BigNum bigNumFromBase64Url(const QJsonValue &value)
{
    const auto bytes = Base64Url::decode(value.toString().toLatin1());
    if (!bytes || bytes->isEmpty())
        return nullptr;
    return BigNum(BN_bin2bn(bytesOf(*bytes), static_cast<int>(bytes->size()), nullptr));
}

QByteArray base64UrlOfParameter(EVP_PKEY *key, const char *name)
{
    BIGNUM *raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &raw) != 1)
        return {};
    const BigNum number(raw);
    QByteArray bytes(BN_num_bytes(number.get()), Qt::Uninitialized);
    BN_bn2bin(number.get(), reinterpret_cast<unsigned char *>(bytes.data()));
    return Base64Url::encode(bytes);
}

} // namespace

RsaPublicKey::RsaPublicKey(std::shared_ptr<EVP_PKEY> key)
    : m_key(std::move(key))
{ }

std::optional<RsaPublicKey> RsaPublicKey::fromJwk(const QJsonObject &jwk)
{
    if (jwk.value(QLatin1String("kty")).toString() != QLatin1String("RSA"))
        return std::nullopt;
    const BigNum n = bigNumFromBase64Url(jwk.value(QLatin1String("n")));
    const BigNum e = bigNumFromBase64Url(jwk.value(QLatin1String("e")));
    if (!n || !e || BN_num_bits(n.get()) < MinimumBits)
        return std::nullopt;

    const ParamBuilder builder(OSSL_PARAM_BLD_new());
    if (!builder || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1
        || OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1)
        return std::nullopt;
    const Params params(OSSL_PARAM_BLD_to_param(builder.get()));
    const KeyContext context(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    EVP_PKEY *key = nullptr;
    if (!params || !context || EVP_PKEY_fromdata_init(context.get()) != 1
        || EVP_PKEY_fromdata(context.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        return std::nullopt;
    return RsaPublicKey(adopt(key));
}

bool RsaPublicKey::verifyRs256(const QByteArray &signedData, const QByteArray &signature) const
{
    const DigestContext context(EVP_MD_CTX_new());
    if (!context
        || EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1)
        return false;
    return EVP_DigestVerify(context.get(), bytesOf(signature),
                            static_cast<size_t>(signature.size()), bytesOf(signedData),
                            static_cast<size_t>(signedData.size()))
        == 1;
}

QJsonObject RsaPublicKey::toJwk() const
{
    return {{QLatin1String("kty"), QLatin1String("RSA")},
            {QLatin1String("n"),
             QString::fromLatin1(base64UrlOfParameter(m_key.get(), OSSL_PKEY_PARAM_RSA_N))},
            {QLatin1String("e"),
             QString::fromLatin1(base64UrlOfParameter(m_key.get(), OSSL_PKEY_PARAM_RSA_E))}};
}

RsaPrivateKey::RsaPrivateKey(std::shared_ptr<EVP_PKEY> key)
    : m_key(std::move(key))
{ }

RsaPrivateKey RsaPrivateKey::generate(int bits)
{
    EVP_PKEY *key = EVP_RSA_gen(static_cast<unsigned int>(bits));
    if (!key)
        qFatal("OpenSSL could not generate an RSA key");
    return RsaPrivateKey(adopt(key));
}

std::optional<RsaPrivateKey> RsaPrivateKey::fromPem(const QByteArray &pem)
{
    const Bio bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!key)
        return std::nullopt;
    auto owned = adopt(key);
    if (EVP_PKEY_get_base_id(key) != EVP_PKEY_RSA
        || EVP_PKEY_get_bits(key) < RsaPublicKey::MinimumBits)
        return std::nullopt;
    return RsaPrivateKey(std::move(owned));
}

QByteArray RsaPrivateKey::toPem() const
{
    const Bio bio(BIO_new(BIO_s_mem()));
    if (!bio
        || PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr)
            != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

QByteArray RsaPrivateKey::signRs256(const QByteArray &data) const
{
    const DigestContext context(EVP_MD_CTX_new());
    size_t length = 0;
    if (!context
        || EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, m_key.get()) != 1
        || EVP_DigestSign(context.get(), nullptr, &length, bytesOf(data),
                          static_cast<size_t>(data.size()))
            != 1)
        return {};
    QByteArray signature(static_cast<qsizetype>(length), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       bytesOf(data), static_cast<size_t>(data.size()))
        != 1)
        return {};
    signature.truncate(static_cast<qsizetype>(length));
    return signature;
}

RsaPublicKey RsaPrivateKey::publicKey() const
{
    // The private key object also serves verification; sharing it avoids a copy.
    return RsaPublicKey(m_key);
}

} // namespace cqrs
