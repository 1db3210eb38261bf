#include "fuzz/FuzzTarget.h"

#include "core/oidc/token/Base64Url.h"
#include "core/oidc/token/IdTokenValidator.h"
#include "core/oidc/token/JsonWebKeySet.h"
#include "core/oidc/token/JsonWebToken.h"

#include <QDateTime>

using namespace cqrs;
using cqrs::fuzz::require;

namespace {

const QString Issuer = QStringLiteral("https://idp.example.nhs.uk/v2.0");
const QString ClientId = QStringLiteral("cqrs-desktop");
const QString Nonce = QStringLiteral("n-0S6_WzA2Mj");
const QString KeyId = QStringLiteral("k1");
// A fixed "now" keeps a replayed input's verdict the same on every run.
const QDateTime Now = QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC);

const RsaPrivateKey &signingKey()
{
    static const RsaPrivateKey key = RsaPrivateKey::generate();
    return key;
}

const JsonWebKeySet &publishedKeys()
{
    static const JsonWebKeySet keys = [] {
        JsonWebKeySet set;
        set.add(KeyId, signingKey().publicKey());
        return set;
    }();
    return keys;
}

// Signs the stranger's header and payload bytes as they are, so the fuzzer reaches the claim
// checks behind the signature; without a NUL the header is a well-formed RS256 one.
QByteArray signedToken(const QByteArray &input)
{
    const qsizetype split = input.indexOf('\0');
    const QByteArray header
        = split < 0 ? QByteArrayLiteral(R"({"alg":"RS256","kid":"k1"})") : input.first(split);
    const QByteArray payload = split < 0 ? input : input.mid(split + 1);
    const QByteArray signingInput = Base64Url::encode(header) + '.' + Base64Url::encode(payload);
    return signingInput + '.' + Base64Url::encode(signingKey().signRs256(signingInput));
}

void checkVerdict(const IdTokenValidator &validator, const IdTokenCheck &check)
{
    require(check.isValid() == (check.problem == IdTokenProblem::None),
            "claims are given exactly when there is no problem");
    require(check.message == IdTokenValidator::describe(check.problem),
            "the message is the fixed wording of the problem, never token content");
    if (!check.isValid())
        return;
    const IdTokenExpectations &expected = validator.expectations();
    require(check.claims->issuer == expected.issuer, "a valid token has our issuer");
    require(check.claims->audience.contains(expected.audience), "a valid token is for us");
    require(!expected.nonce || check.claims->nonce == *expected.nonce,
            "a valid token has our nonce");
    require(check.claims->expiresAt.secsTo(Now) < IdTokenValidator::DefaultSkew.count(),
            "a valid token has not expired");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte chooses what the rest is and which side validates: the client, which
    // sent a nonce, or the server, which did not.
    const uint8_t mode = data[0];
    const QByteArray rest = cqrs::fuzz::bytesOf(data + 1, size - 1);
    const QByteArray token = (mode & 1) ? signedToken(rest) : rest;
    const IdTokenValidator validator(
        {Issuer, ClientId, (mode & 2) ? std::optional<QString>(Nonce) : std::nullopt},
        [] { return Now; });

    if (const auto jwt = JsonWebToken::parse(token))
        require(token.startsWith(jwt->signingInput + '.'), "the signing input is the token's");
    const IdTokenCheck check = validator.validate(token, publishedKeys());
    checkVerdict(validator, check);
    return 0;
}
