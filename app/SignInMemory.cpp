#include "app/SignInMemory.h"

#include "core/settings/ServiceSettings.h"

#include <QLoggingCategory>

namespace cqrs::app {

namespace {
Q_LOGGING_CATEGORY(memoryLog, "cqrs.app.signinmemory")
}

SignInMemory::SignInMemory(CredentialKey key, QString serviceName, QObject *parent)
    : QObject(parent)
    , m_store(std::move(serviceName))
    , m_key(std::move(key))
{ }

CredentialKey SignInMemory::keyFor(const ServiceSettings &settings)
{
    const SsoSettings sso = settings.ssoSettings();
    return {settings.serverUrl(), sso.issuer, sso.clientId};
}

SignInMemory *SignInMemory::forSettings(const ServiceSettings &settings, QString serviceName)
{
    auto *memory = new SignInMemory(keyFor(settings), std::move(serviceName));
    if (!settings.allowsRememberingSignIn()) {
        memory->m_keeps = false;
        memory->forget();
    }
    return memory;
}

void SignInMemory::recallNhsMail(QObject *receiver, std::function<void(const QString &)> then)
{
    if (!m_keeps)
        return then(QString());
    m_store.recall(m_key, receiver,
                   [then = std::move(then)](const CredentialStore::Result &result) {
                       const bool nhsMail = result.signIn
                           && result.signIn->method == RememberedSignIn::Method::NhsMail;
                       then(nhsMail ? result.signIn->refreshToken : QString());
                   });
}

void SignInMemory::remember(const RememberedSignIn &signIn)
{
    if (!m_keeps)
        return;
    m_store.remember(m_key, signIn, this, [this](const CredentialStore::Result &result) {
        if (result.outcome != CredentialStore::Outcome::Done)
            emit notRemembered(result.message);
    });
}

void SignInMemory::forget()
{
    m_store.forget(m_key, this, [](const CredentialStore::Result &result) {
        // Unavailable means nothing was ever kept; a failure may leave a token behind, which
        // the next sign-in overwrites and the next sign-out tries again to delete.
        if (result.outcome == CredentialStore::Outcome::Failed)
            qCWarning(memoryLog,
                      "could not delete the remembered sign-in from the credential "
                      "store");
    });
}

} // namespace cqrs::app
