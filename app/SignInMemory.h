#pragma once

#include "core/credentials/CredentialStore.h"

#include <QObject>
#include <QUrl>

#include <functional>

namespace cqrs {
class ServiceSettings;
} // namespace cqrs

namespace cqrs::app {

// What the app remembers between runs about signing in to its server, in the OS credential
// store: how the person last signed in and, for NHSmail with offline_access, the refresh token
// that signs them in at the next start without the browser. Never a password. The entry is
// keyed by the server address the app talks to (ServiceSettings::serverUrl()) and the NHSmail
// issuer and client ID (ServiceSettings::ssoSettings()): see CredentialKey.
class SignInMemory : public QObject
{
    Q_OBJECT

public:
    explicit SignInMemory(CredentialKey key,
                          QString serviceName = CredentialStore::defaultServiceName(),
                          QObject *parent = nullptr);

    // This computer's server and NHSmail provider, as the settings name them now.
    static CredentialKey keyFor(const ServiceSettings &settings);
    // The memory main() uses: keyed by keyFor(settings) and, when IT policy AllowRememberSignIn
    // forbids remembering (a shared computer), one that deletes what an earlier run kept under
    // that key and keeps nothing from then on.
    static SignInMemory *forSettings(const ServiceSettings &settings,
                                     QString serviceName = CredentialStore::defaultServiceName());

    // Runs `then` once with the refresh token of a remembered NHSmail sign-in; with an empty
    // one when there is nothing to sign in with (another method, no store, nothing kept).
    void recallNhsMail(QObject *receiver, std::function<void(const QString &)> then);
    void remember(const RememberedSignIn &signIn);
    // On sign-out, or when a remembered token no longer works.
    void forget();

signals:
    // The sign-in will not be remembered (no credential store, or it failed): plain English.
    void notRemembered(const QString &message);

private:
    CredentialStore m_store;
    CredentialKey m_key;
    bool m_keeps = true;
};

} // namespace cqrs::app
