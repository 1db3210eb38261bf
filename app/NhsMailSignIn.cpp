#include "app/NhsMailSignIn.h"

#include "core/settings/ServiceSettings.h"

#include <QDesktopServices>

namespace cqrs::app {

NhsMailSignIn::NhsMailSignIn(const SsoSettings &settings, OidcSignIn::BrowserOpener openBrowser,
                             QObject *parent)
    : NhsMailSignIn(settings, NetworkAccess(), std::move(openBrowser), parent)
{ }

NhsMailSignIn::NhsMailSignIn(const SsoSettings &settings, const NetworkAccess &network,
                             OidcSignIn::BrowserOpener openBrowser, QObject *parent)
    : SsoSignIn(parent)
    , m_flow(std::make_unique<OidcSignIn>(
          OidcClientConfig {settings.issuer, settings.clientId, settings.scopes}, network))
    , m_openBrowser(std::move(openBrowser))
{
    connect(m_flow.get(), &OidcSignIn::finished, this, &SsoSignIn::idTokenReceived);
    connect(m_flow.get(), &OidcSignIn::failed, this, &SsoSignIn::failed);
}

NhsMailSignIn::~NhsMailSignIn() = default;

OidcSignIn::BrowserOpener NhsMailSignIn::defaultBrowser()
{
    return [](const QUrl &url) {
        return QDesktopServices::openUrl(url);
    };
}

void NhsMailSignIn::start()
{
    m_flow->start(m_openBrowser);
}

void NhsMailSignIn::refresh(const QString &refreshToken)
{
    m_flow->refresh(refreshToken);
}

void NhsMailSignIn::cancel()
{
    if (!m_flow->isRunning())
        return;
    m_flow->cancel();
    emit failed(QString());
}

QString NhsMailSignIn::refreshToken() const
{
    return m_flow->refreshToken();
}

bool NhsMailSignIn::wasRefused() const
{
    return m_flow->wasRefused();
}

} // namespace cqrs::app
