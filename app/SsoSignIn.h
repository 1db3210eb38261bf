#pragma once

#include <QObject>
#include <QString>

namespace cqrs::app {

// The seam for "Sign in with NHSmail". An implementation runs the OpenID Connect flow (system
// browser, loopback redirect, PKCE, id_token validation) and reports the validated id_token;
// the AppController then turns it into a CQRS session with POST /api/v1/sessions/sso, exactly
// as a password sign-in ends. Without one installed the button says SSO is not set up.
class SsoSignIn : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    virtual void start() = 0;
    // Signs in again without the browser, with a refresh token kept from an earlier sign-in;
    // ends the same way as start().
    virtual void refresh(const QString &refreshToken) = 0;
    virtual void cancel() = 0;
    // After idTokenReceived: the refresh token the provider gave (only when the scopes include
    // offline_access), for the credential store; empty when there is none. Never log it.
    virtual QString refreshToken() const = 0;
    // After failed(): the provider refused the refresh token (it will never work again), as
    // opposed to not being reachable; only then is a remembered sign-in forgotten.
    virtual bool wasRefused() const = 0;

signals:
    void idTokenReceived(const QString &idToken);
    // `message` is plain English for the sign-in screen; empty when the person cancelled.
    void failed(const QString &message);
};

} // namespace cqrs::app
