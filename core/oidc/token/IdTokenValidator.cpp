#include "core/oidc/token/IdTokenValidator.h"

#include "core/oidc/token/JsonWebToken.h"

#include "core/crypto/ConstantTime.h"

#include <QJsonArray>

#include <cmath>

namespace cqrs {

namespace {

IdTokenCheck failure(IdTokenProblem problem)
{
    return {std::nullopt, problem, IdTokenValidator::describe(problem)};
}

// A NumericDate (seconds since the epoch) as a whole number, or nullopt when absent or absurd.
std::optional<qint64> numericDate(const QJsonObject &payload, QLatin1String name)
{
    const QJsonValue value = payload.value(name);
    if (!value.isDouble())
        return std::nullopt;
    const double seconds = value.toDouble();
    constexpr double limit = 253402300799.0; // 9999-12-31T23:59:59Z
    if (!std::isfinite(seconds) || seconds < 0 || seconds > limit)
        return std::nullopt;
    return static_cast<qint64>(seconds);
}

std::optional<QStringList> audienceOf(const QJsonValue &aud)
{
    if (aud.isString())
        return QStringList {aud.toString()};
    if (!aud.isArray())
        return std::nullopt;
    QStringList list;
    for (const auto &entry : aud.toArray()) {
        if (!entry.isString())
            return std::nullopt;
        list.append(entry.toString());
    }
    return list;
}

} // namespace

IdTokenValidator::IdTokenValidator(IdTokenExpectations expectations, Clock clock,
                                   std::chrono::seconds skew)
    : m_expectations(std::move(expectations))
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
    , m_skew(skew)
{ }

IdTokenCheck IdTokenValidator::validate(QByteArrayView token, const JsonWebKeySet &keys) const
{
    const auto jwt = JsonWebToken::parse(token);
    if (!jwt)
        return failure(IdTokenProblem::Malformed);
    if (jwt->header.value(QLatin1String("alg")).toString() != QLatin1String("RS256"))
        return failure(IdTokenProblem::UnsupportedAlgorithm);
    // Extensions we do not understand must not be silently ignored (RFC 7515 §4.1.11).
    if (jwt->header.contains(QLatin1String("crit")))
        return failure(IdTokenProblem::Malformed);
    const QJsonValue kid = jwt->header.value(QLatin1String("kid"));
    if (!kid.isUndefined() && !kid.isString())
        return failure(IdTokenProblem::Malformed);
    const auto key = keys.find(kid.toString());
    if (!key)
        return failure(IdTokenProblem::UnknownKey);
    if (!key->verifyRs256(jwt->signingInput, jwt->signature))
        return failure(IdTokenProblem::BadSignature);
    return checkClaims(jwt->payload);
}

IdTokenCheck IdTokenValidator::checkClaims(const QJsonObject &payload) const
{
    const QString issuer = payload.value(QLatin1String("iss")).toString();
    const QString subject = payload.value(QLatin1String("sub")).toString();
    const auto audience = audienceOf(payload.value(QLatin1String("aud")));
    const auto expires = numericDate(payload, QLatin1String("exp"));
    const auto issued = numericDate(payload, QLatin1String("iat"));
    const auto notBefore = numericDate(payload, QLatin1String("nbf"));
    // An nbf that is not a date cannot be honoured, so the token cannot be trusted either.
    const bool badNotBefore = payload.contains(QLatin1String("nbf")) && !notBefore;
    if (issuer.isEmpty() || subject.isEmpty() || !audience || !expires || !issued || badNotBefore)
        return failure(IdTokenProblem::Malformed);

    if (issuer != m_expectations.issuer)
        return failure(IdTokenProblem::WrongIssuer);
    if (!audience->contains(m_expectations.audience))
        return failure(IdTokenProblem::WrongAudience);
    // With several audiences the token must say it was issued to us (OIDC Core §3.1.3.7 step 5),
    // and an azp naming another party means it was issued to that party, whatever "aud" says.
    const QJsonValue azp = payload.value(QLatin1String("azp"));
    if ((audience->size() > 1 || !azp.isUndefined()) && azp.toString() != m_expectations.audience)
        return failure(IdTokenProblem::WrongAudience);

    const qint64 now = m_clock().toSecsSinceEpoch();
    const qint64 skew = m_skew.count();
    if (now >= *expires + skew)
        return failure(IdTokenProblem::Expired);
    if (*issued > now + skew || (notBefore && *notBefore > now + skew))
        return failure(IdTokenProblem::NotYetValid);

    const QString nonce = payload.value(QLatin1String("nonce")).toString();
    if (m_expectations.nonce
        && (m_expectations.nonce->isEmpty()
            || !equalInConstantTime(nonce.toUtf8(), m_expectations.nonce->toUtf8())))
        return failure(IdTokenProblem::WrongNonce);

    QString email = payload.value(QLatin1String("email")).toString();
    if (email.isEmpty())
        email = payload.value(QLatin1String("preferred_username")).toString();
    IdTokenClaims claims {issuer,
                          subject,
                          *audience,
                          email,
                          payload.value(QLatin1String("name")).toString(),
                          nonce,
                          QDateTime::fromSecsSinceEpoch(*issued, Qt::UTC),
                          QDateTime::fromSecsSinceEpoch(*expires, Qt::UTC)};
    return {std::move(claims), IdTokenProblem::None, {}};
}

QString IdTokenValidator::describe(IdTokenProblem problem)
{
    switch (problem) {
    case IdTokenProblem::None:
        return {};
    case IdTokenProblem::Malformed:
        return tr("The sign-in token is not in the expected format.");
    case IdTokenProblem::UnsupportedAlgorithm:
        return tr("The sign-in token is not signed in a way this service accepts (RS256 only).");
    case IdTokenProblem::UnknownKey:
        return tr("The sign-in token is signed with a key the identity provider does not publish.");
    case IdTokenProblem::BadSignature:
        return tr("The sign-in token's signature is not valid.");
    case IdTokenProblem::WrongIssuer:
        return tr("The sign-in token comes from an identity provider this service does not trust.");
    case IdTokenProblem::WrongAudience:
        return tr("The sign-in token was issued for a different application.");
    case IdTokenProblem::Expired:
        return tr("The sign-in token has expired. Check that your computer's clock is right, "
                  "then sign in again.");
    case IdTokenProblem::NotYetValid:
        return tr("The sign-in token is not valid yet. Check that your computer's clock is "
                  "right, then sign in again.");
    case IdTokenProblem::WrongNonce:
        return tr("The sign-in token does not belong to this sign-in attempt. Sign in again.");
    }
    return {};
}

} // namespace cqrs
