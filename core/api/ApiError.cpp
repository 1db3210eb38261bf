#include "core/api/ApiError.h"

#include "core/api/ApiContract.h"

namespace cqrs {

QString ApiError::userMessage() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Cancelled:
        return tr("Cancelled. You can try again when you are ready.");
    case Kind::Timeout:
        return tr("The CQRS server is taking too long to answer. Check your internet connection "
                  "and try again in a few minutes.");
    case Kind::Unreachable:
        return tr("Cannot reach the CQRS server. Check your internet connection and try again. "
                  "If it keeps happening, contact the CQRS Service Desk.");
    case Kind::InsecureConnection:
        return tls ? tls->explanation(tr("the CQRS server"))
                   : tr("The secure connection to the CQRS server could not be checked. Your IT "
                        "team can help.");
    case Kind::ProxyUnreachable:
        return tr("Cannot reach the proxy server this computer uses for the internet. Your IT "
                  "team can check it; try again when it is back.");
    case Kind::ProxyRefused:
        return tr("The proxy server did not accept a user name and password. Try again and enter "
                  "the ones your IT team gave you for the internet.");
    case Kind::BadResponse:
        return tr("The CQRS server sent an answer this app does not understand. Try again later; "
                  "if it keeps happening, contact the CQRS Service Desk.");
    case Kind::ServerFault:
        return tr("The CQRS server had a problem and could not do this. Try again in a few "
                  "minutes; if it keeps happening, contact the CQRS Service Desk.");
    case Kind::Refused:
        break;
    }
    if (code == api::Errors::InvalidCredentials.code)
        return tr("The User ID or password is not correct. Check them and try again.");
    if (code == api::Errors::AccountLocked.code)
        return tr("Your account is locked after too many unsuccessful sign-in attempts.");
    // Not the stub's: the live service may refuse a sign-in this way.
    if (code == u"registration_incomplete")
        return tr("You have not finished registering. Open the registration link in your email "
                  "first.");
    if (code == api::Errors::UnknownToken.code || code == api::Errors::TokenUsed.code
        || code == api::Errors::TokenExpired.code)
        return tr("This link can no longer be used. Ask your CQRS User Administrator to send you "
                  "a new one.");
    if (code == api::Errors::PasswordPolicy.code)
        return tr("The password does not meet the Password Policy. See the ticked and crossed "
                  "rules.");
    if (httpStatus == 401)
        return tr("You have been signed out. Sign in again.");
    // The server's own wait: a second for sign-ins sent at the same time, an hour for resets.
    if (httpStatus == 429 && retryAfterSeconds && *retryAfterSeconds <= 10)
        return tr("The CQRS server is busy with another request like this one. Wait a moment "
                  "and try again.");
    if (httpStatus == 429)
        return tr("Too many requests. Wait a few minutes and try again.");
    if (!serverMessage.isEmpty())
        return serverMessage;
    return tr("The CQRS server could not do this (error %1). Try again later; if it keeps "
              "happening, contact the CQRS Service Desk.")
        .arg(httpStatus);
}

QString ApiError::diagnosticCode() const
{
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Unreachable:
        return QStringLiteral("unreachable");
    case Kind::InsecureConnection:
        return QStringLiteral("tls_certificate");
    case Kind::ProxyUnreachable:
        return QStringLiteral("proxy_unreachable");
    case Kind::ProxyRefused:
        return QStringLiteral("proxy_authentication");
    case Kind::BadResponse:
        return QStringLiteral("bad_response (HTTP %1)").arg(httpStatus);
    case Kind::ServerFault:
        return QStringLiteral("server_fault %1(HTTP %2)")
            .arg(code.isEmpty() ? QString() : code.left(64) + QLatin1Char(' '))
            .arg(httpStatus);
    case Kind::Refused:
        break;
    }
    return QStringLiteral("%1 (HTTP %2)").arg(code).arg(httpStatus);
}

} // namespace cqrs
