#include "app/AppController.h"

#include "app/AccountJourney.h"
#include "app/IdleMonitor.h"
#include "app/LinkJourney.h"
#include "app/RequestSlot.h"
#include "app/SignInJourney.h"
#include "app/SignInMemory.h"
#include "core/api/ApiClient.h"
#include "core/api/ServiceDeskDetails.h"
#include "core/links/RegistrationLink.h"
#include "core/settings/ServiceSettings.h"
#include "core/transport/ProxyCredentials.h"
#include "ui/LinkArrival.h"
#include "ui/MainWindow.h"
#include "ui/ProxyCredentialsDialog.h"
#include "ui/RequestFeedback.h"
#include "ui/SecurityInformationPage.h"

namespace cqrs::app {

AppController::AppController(ServiceSettings &settings, QObject *parent)
    : QObject(parent)
    , m_proxyCredentials(new ProxyCredentials(
          [this](const QNetworkProxy &proxy) -> std::optional<ProxyCredentials::Credentials> {
              const auto answer
                  = ui::ProxyCredentialsDialog::ask(proxy.hostName(), m_proxyUser, window());
              if (!answer)
                  return std::nullopt;
              m_proxyUser = answer->user;
              return ProxyCredentials::Credentials {answer->user, answer->password};
          },
          this))
    , m_network(settings.networkAccess(m_proxyCredentials))
    , m_api(new ApiClient(settings.serverUrl(), m_network, this))
    , m_window(std::make_unique<ui::MainWindow>())
    , m_request(new RequestSlot(this))
    , m_signIn(new SignInJourney(*m_window, *m_api, *m_request, settings, this))
{
    connect(m_signIn, &SignInJourney::signedIn, this,
            [this](const UserProfile &user) { accountJourney()->begin(user); });
    // The screen or dialog waiting on the request says that it is being tried again.
    connect(m_request, &RequestSlot::retrying, this, [this](int seconds) {
        for (auto *feedback : m_window->findChildren<ui::RequestFeedback *>()) {
            if (feedback->isBusy() && feedback->isVisible())
                feedback->showRetrying(seconds);
        }
    });
}

LinkJourney *AppController::linkJourney()
{
    if (!m_link) {
        m_link = new LinkJourney(*m_window, *m_api, *m_request, this);
        connect(m_link, &LinkJourney::passwordSet, m_signIn, &SignInJourney::showFor);
        connect(m_link, &LinkJourney::left, m_signIn, [this] { m_signIn->show(); });
    }
    return m_link;
}

AccountJourney *AppController::accountJourney()
{
    if (!m_account) {
        m_account = new AccountJourney(*m_window, *m_api, *m_request, this);
        m_account->setSignInMemory(m_memory);
        m_account->setIdleMonitor(m_idle);
        connect(m_account, &AccountJourney::signedOut, m_signIn,
                [this](const QString &message) { m_signIn->show(message); });
    }
    return m_account;
}

AppController::~AppController()
{
    // The journeys hold the window by reference: they go before it does.
    delete m_signIn;
    delete m_link;
    delete m_account;
}

void AppController::setSsoSignIn(SsoSignIn *sso)
{
    m_signIn->setSsoSignIn(sso);
}

void AppController::setSignInMemory(SignInMemory *memory)
{
    delete m_memory;
    m_memory = memory;
    if (memory)
        memory->setParent(this);
    m_signIn->setSignInMemory(memory);
    if (m_account)
        m_account->setSignInMemory(memory);
}

void AppController::setIdleMonitor(IdleMonitor *monitor)
{
    delete m_idle;
    m_idle = monitor;
    if (monitor)
        monitor->setParent(this);
    if (m_account)
        m_account->setIdleMonitor(monitor);
}

void AppController::resumeSignIn()
{
    m_signIn->resume();
}

void AppController::showSignIn(const QString &info)
{
    m_signIn->show(info);
}

QString AppController::serviceDeskDetails() const
{
    return ServiceDeskDetails::compose(m_api->serverUrl(), m_api->lastError(),
                                       m_signIn->lastSsoProblem());
}

void AppController::openLink(const QString &text)
{
    m_window->bringToFront();
    const auto link = RegistrationLink::parse(text);
    // Clicked twice in the email: what was typed for it stays.
    if (link && m_link && m_link->isShowing(*link))
        return;
    const bool signedIn = m_account && m_account->isSignedIn();
    const bool typing = m_window->currentScreenName() == QLatin1String("security-information")
        && m_window->securityInformationPage()->hasTypedPassword();
    if (!signedIn && !typing)
        return followLink(text);
    if (!link)
        return ui::tellLinkUnusable(m_window.get(), RegistrationLink::problemWith(text),
                                    signedIn ? tr("You are still signed in.")
                                             : tr("What you typed here is still there."));
    // Which link it is about: a newer link replaces a question still open.
    const QString kind = link->purpose() == RegistrationLink::Purpose::Register
        ? tr("A registration link")
        : tr("A password reset link");
    ui::askToOpenLink(m_window.get(),
                      signedIn ? tr("%1 from an email has arrived. Opening it signs you out of "
                                    "CQRS Desktop first, and closes anything you have open.")
                                     .arg(kind)
                               : tr("%1 from an email has arrived. Opening it clears the "
                                    "password you have typed here.")
                                     .arg(kind),
                      signedIn ? tr("&Stay signed in") : tr("&Keep what I typed"),
                      [this, text] { followLink(text); });
}

void AppController::followLink(const QString &text)
{
    // The link's screen replaces whatever was open, a signed-in account, a dialog and an NHSmail
    // sign-in included.
    if (m_account)
        m_account->leaveForLink();
    m_request->cancel();
    linkJourney()->open(text);
}

} // namespace cqrs::app
