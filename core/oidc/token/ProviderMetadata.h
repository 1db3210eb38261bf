#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace cqrs {

// The parts of an OpenID provider's discovery document (OpenID Connect Discovery 1.0 §3)
// the sign-in needs.
struct ProviderMetadata
{
    Q_DECLARE_TR_FUNCTIONS(cqrs::ProviderMetadata)

public:
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl jwksUri;
    QStringList codeChallengeMethods;

    // The discovery URL for an issuer: issuer + "/.well-known/openid-configuration".
    static QUrl discoveryUrl(const QString &issuer);

    // Parses the document and checks that its "issuer" is exactly `expectedIssuer` (Discovery
    // §4.3: otherwise a compromised document could name another issuer). `error`, when given,
    // receives a plain-English reason on failure.
    static std::optional<ProviderMetadata>
    fromJson(const QByteArray &json, const QString &expectedIssuer, QString *error = nullptr);
};

} // namespace cqrs
