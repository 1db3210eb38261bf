#include "core/transport/ProxyCredentials.h"

#include <QAuthenticator>

namespace cqrs {

ProxyCredentials::ProxyCredentials(Prompt prompt, QObject *parent)
    : QObject(parent)
    , m_prompt(std::move(prompt))
{ }

void ProxyCredentials::answer(const QNetworkProxy &proxy, QAuthenticator *authenticator)
{
    // Qt hands back the authenticator it last used: the same user name means the proxy has just
    // refused exactly these credentials.
    if (m_credentials && authenticator->user() == m_credentials->user) {
        forget();
        return;
    }
    if (!m_credentials && m_prompt)
        m_credentials = m_prompt(proxy);
    if (!m_credentials)
        return;
    authenticator->setUser(m_credentials->user);
    authenticator->setPassword(m_credentials->password);
}

void ProxyCredentials::forget()
{
    m_credentials.reset();
    emit refused();
}

} // namespace cqrs
