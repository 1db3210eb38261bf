#pragma once

#include "SsoSignIn.h"

#include <memory>

namespace cqrs {
class OidcSignIn;
struct SsoSettings;
} // namespace cqrs

namespace cqrs::app {

// "Sign in with NHSmail" through core/oidc's OidcSignIn, with the person's default browser.
class NhsMailSignIn : public SsoSignIn
{
    Q_OBJECT

public:
    explicit NhsMailSignIn(const SsoSettings &settings, QObject *parent = nullptr);
    ~NhsMailSignIn() override;

    void start() override;
    // The flow ends silently when cancelled; the screen still needs to hear that it ended.
    void cancel() override;

private:
    std::unique_ptr<OidcSignIn> m_flow;
};

} // namespace cqrs::app
