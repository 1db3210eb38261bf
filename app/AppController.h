#pragma once

#include "core/transport/NetworkAccess.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace cqrs {
class ApiClient;
class ProxyCredentials;
class ServiceSettings;
} // namespace cqrs

namespace cqrs::ui {
class MainWindow;
} // namespace cqrs::ui

namespace cqrs::app {

class AccountJourney;
class IdleMonitor;
class LinkJourney;
class RequestSlot;
class SignInJourney;
class SignInMemory;
class SsoSignIn;

// The app's one window and its journeys, put together: a link, signing in, the signed-in
// account. It decides only which journey follows which; each journey runs its own screens.
class AppController : public QObject
{
    Q_OBJECT

public:
    explicit AppController(ServiceSettings &settings, QObject *parent = nullptr);
    ~AppController() override;

    ui::MainWindow *window() const { return m_window.get(); }
    ApiClient *api() const { return m_api; }
    // How every connection goes out (IT policy's proxy and trust anchors), with a proxy's
    // request for credentials answered by a dialog on this window; for the NHSmail sign-in.
    const NetworkAccess &network() const { return m_network; }

    // Takes ownership; null removes it.
    void setSsoSignIn(SsoSignIn *sso);
    // Takes ownership; without one nothing is remembered between runs.
    void setSignInMemory(SignInMemory *memory);
    // Takes ownership; without one the app never signs out for want of use.
    void setIdleMonitor(IdleMonitor *monitor);
    // At start-up: signs in again without the browser when the person last signed in with
    // NHSmail and a refresh token was kept; otherwise leaves the sign-in screen as it is.
    void resumeSignIn();

    void showSignIn(const QString &info = {});
    // A link from the command line, a second launch or the operating system; untrusted text.
    // Someone signed in or typing a new password is asked first (an unusable link is only
    // reported): any web page can open a link.
    void openLink(const QString &text);

    // "Copy details for the service desk": the CQRS server's last error and the last NHSmail
    // sign-in problem (ServiceDeskDetails).
    QString serviceDeskDetails() const;

private:
    // Made when first needed, with the screens they run: a start without a link builds only
    // the sign-in screen before the window shows.
    LinkJourney *linkJourney();
    AccountJourney *accountJourney();
    void followLink(const QString &text);

    ProxyCredentials *m_proxyCredentials;
    // Offered again when the proxy asks again; never stored (the password is not even kept).
    QString m_proxyUser;
    NetworkAccess m_network;
    ApiClient *m_api;
    std::unique_ptr<ui::MainWindow> m_window;
    RequestSlot *m_request;
    SignInJourney *m_signIn;
    LinkJourney *m_link = nullptr;
    AccountJourney *m_account = nullptr;
    QPointer<SignInMemory> m_memory;
    QPointer<IdleMonitor> m_idle;
};

} // namespace cqrs::app
