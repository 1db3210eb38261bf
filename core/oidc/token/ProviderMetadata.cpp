#include "core/oidc/token/ProviderMetadata.h"

#include "core/transport/TransportSecurity.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cqrs {

namespace {

QUrl endpoint(const QJsonObject &document, QLatin1String name)
{
    const QUrl url(document.value(name).toString(), QUrl::StrictMode);
    const bool web
        = url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http");
    return url.isValid() && web && !url.host().isEmpty() ? url : QUrl();
}

} // namespace

QUrl ProviderMetadata::discoveryUrl(const QString &issuer)
{
    QString base = issuer;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + QLatin1String("/.well-known/openid-configuration"));
}

std::optional<ProviderMetadata>
ProviderMetadata::fromJson(const QByteArray &json, const QString &expectedIssuer, QString *error)
{
    auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return std::nullopt;
    };
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return fail(tr("The identity provider's configuration could not be read."));
    const QJsonObject object = document.object();
    ProviderMetadata metadata;
    metadata.issuer = object.value(QLatin1String("issuer")).toString();
    metadata.authorizationEndpoint = endpoint(object, QLatin1String("authorization_endpoint"));
    metadata.tokenEndpoint = endpoint(object, QLatin1String("token_endpoint"));
    metadata.jwksUri = endpoint(object, QLatin1String("jwks_uri"));
    for (const auto &method :
         object.value(QLatin1String("code_challenge_methods_supported")).toArray())
        metadata.codeChallengeMethods.append(method.toString());

    if (metadata.issuer != expectedIssuer)
        return fail(tr("The identity provider's configuration names a different issuer. "
                       "Ask your IT administrator to check the sign-in settings."));
    // Codes and tokens travel to these: never in the clear over a network.
    for (const QUrl &url : {QUrl(metadata.issuer, QUrl::StrictMode), metadata.authorizationEndpoint,
                            metadata.tokenEndpoint, metadata.jwksUri})
        if (!url.isEmpty() && !isSecureOrLoopback(url))
            return fail(tr("The identity provider's configuration uses an address without "
                           "https. Ask your IT administrator to check the sign-in settings."));
    if (metadata.authorizationEndpoint.isEmpty() || metadata.tokenEndpoint.isEmpty()
        || metadata.jwksUri.isEmpty())
        return fail(tr("The identity provider's configuration is incomplete."));
    // The sign-in always sends an S256 PKCE challenge (RFC 7636); a provider that lists its
    // methods without S256 would ignore or refuse it. Many providers list none: that is fine.
    if (object.contains(QLatin1String("code_challenge_methods_supported"))
        && !metadata.codeChallengeMethods.contains(QLatin1String("S256")))
        return fail(tr("The identity provider does not support the secure sign-in method "
                       "CQRS Desktop needs (PKCE S256). Ask your IT administrator to check the "
                       "sign-in settings."));
    return metadata;
}

} // namespace cqrs
