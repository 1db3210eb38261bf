#pragma once

#include "app/SsoSignIn.h"

#include "core/oidc/flow/OidcSignIn.h"

#include <memory>

namespace cqrs {
struct SsoSettings;
} // namespace cqrs

namespace cqrs::app {

// "Sign in with NHSmail" through core/oidc's OidcSignIn, with the person's default browser
// (tests pass a browser of their own).
class NhsMailSignIn : public SsoSignIn
{
    Q_OBJECT

public:
    explicit NhsMailSignIn(const SsoSettings &settings,
                           OidcSignIn::BrowserOpener openBrowser = defaultBrowser(),
                           QObject *parent = nullptr);
    // Through the same proxy and trust anchors as the CQRS server (AppController::network()).
    NhsMailSignIn(const SsoSettings &settings, const NetworkAccess &network,
                  OidcSignIn::BrowserOpener openBrowser = defaultBrowser(),
                  QObject *parent = nullptr);
    ~NhsMailSignIn() override;

    static OidcSignIn::BrowserOpener defaultBrowser();

    void start() override;
    void refresh(const QString &refreshToken) override;
    // The flow ends silently when cancelled; the screen still needs to hear that it ended.
    void cancel() override;
    QString refreshToken() const override;
    bool wasRefused() const override;

private:
    std::unique_ptr<OidcSignIn> m_flow;
    OidcSignIn::BrowserOpener m_openBrowser;
};

} // namespace cqrs::app
