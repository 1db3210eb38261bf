#include "NhsMailSignIn.h"

#include "OidcSignIn.h"
#include "ServiceSettings.h"

#include <QDesktopServices>

namespace cqrs::app {

NhsMailSignIn::NhsMailSignIn(const SsoSettings &settings, QObject *parent)
    : SsoSignIn(parent)
    , m_flow(std::make_unique<OidcSignIn>(
          OidcClientConfig {settings.issuer, settings.clientId, settings.scopes}))
{
    connect(m_flow.get(), &OidcSignIn::finished, this, &SsoSignIn::idTokenReceived);
    connect(m_flow.get(), &OidcSignIn::failed, this, &SsoSignIn::failed);
}

NhsMailSignIn::~NhsMailSignIn() = default;

void NhsMailSignIn::start()
{
    m_flow->start([](const QUrl &url) { return QDesktopServices::openUrl(url); });
}

void NhsMailSignIn::cancel()
{
    if (!m_flow->isRunning())
        return;
    m_flow->cancel();
    emit failed(QString());
}

} // namespace cqrs::app
