#pragma once

#include "core/oidc/token/JsonWebKeySet.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <optional>

namespace cqrs {

// The claims of an id_token that passed every check (OpenID Connect Core §2, §3.1.3.7).
struct IdTokenClaims
{
    QString issuer;
    QString subject;
    QStringList audience;
    QString email; // "email", or Entra ID's "preferred_username" when "email" is absent
    QString name;
    QString nonce;
    QDateTime issuedAt;
    QDateTime expiresAt;
};

enum class IdTokenProblem {
    None,
    Malformed,
    UnsupportedAlgorithm,
    UnknownKey,
    BadSignature,
    WrongIssuer,
    WrongAudience,
    Expired,
    NotYetValid,
    WrongNonce,
};

struct IdTokenCheck
{
    std::optional<IdTokenClaims> claims;
    IdTokenProblem problem = IdTokenProblem::None;
    QString message; // plain English, safe to show and to log: never contains the token

    bool isValid() const { return claims.has_value(); }
};

// What the relying party expects of every id_token it accepts.
struct IdTokenExpectations
{
    QString issuer; // exact match with "iss"
    QString audience; // the client id; must be in "aud"
    // The nonce sent in this sign-in's authorization request. The server, which never saw
    // the request, leaves it empty and the client, which did, always sets it.
    std::optional<QString> nonce;
};

// Validates an id_token completely and offline: RS256 only (refusing "none", HS256 and every
// other algorithm, so a key confusion cannot turn the public key into an HMAC secret),
// signature against the given key set, iss, aud (string or array; azp, when present or when
// there are several audiences, must be our client id), exp / nbf / iat within a small clock
// skew, and the nonce.
class IdTokenValidator
{
    Q_DECLARE_TR_FUNCTIONS(cqrs::IdTokenValidator)

public:
    using Clock = std::function<QDateTime()>;
    static constexpr std::chrono::seconds DefaultSkew {60};

    explicit IdTokenValidator(IdTokenExpectations expectations, Clock clock = {},
                              std::chrono::seconds skew = DefaultSkew);

    IdTokenCheck validate(QByteArrayView token, const JsonWebKeySet &keys) const;

    const IdTokenExpectations &expectations() const { return m_expectations; }
    static QString describe(IdTokenProblem problem);

private:
    IdTokenCheck checkClaims(const QJsonObject &payload) const;

    IdTokenExpectations m_expectations;
    Clock m_clock;
    std::chrono::seconds m_skew;
};

} // namespace cqrs
