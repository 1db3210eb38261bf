#include "app/LinkJourney.h"

#include "app/RefusalWords.h"
#include "app/RequestSlot.h"
#include "ui/MainWindow.h"
#include "ui/MessagePage.h"
#include "ui/RequestFeedback.h"
#include "ui/SecurityInformationPage.h"

namespace cqrs::app {

LinkJourney::LinkJourney(ui::MainWindow &window, ApiClient &api, RequestSlot &request,
                         QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_api(api)
    , m_request(request)
{
    ui::SecurityInformationPage *security = m_window.securityInformationPage();
    connect(security, &ui::SecurityInformationPage::submitted, this, &LinkJourney::submit);
    connect(security, &ui::SecurityInformationPage::cancelRequested, &m_request,
            &RequestSlot::cancel);
    connect(security, &ui::SecurityInformationPage::signInRequested, this, &LinkJourney::left);

    ui::MessagePage *message = m_window.messagePage();
    connect(message, &ui::MessagePage::cancelRequested, this, [this] {
        m_request.cancel();
        emit left();
    });
    connect(message, &ui::MessagePage::signInRequested, this, &LinkJourney::left);
    connect(message, &ui::MessagePage::retryRequested, this, [this] {
        if (m_link)
            load(*m_link);
    });
}

void LinkJourney::open(const QString &text)
{
    const auto link = RegistrationLink::parse(text);
    if (!link) {
        m_window.messagePage()->showProblem(tr("This link cannot be used"),
                                            RegistrationLink::problemWith(text));
        m_window.showScreen(m_window.messagePage());
        return;
    }
    load(*link);
}

bool LinkJourney::isShowing(const RegistrationLink &link) const
{
    return m_link == link && m_window.currentScreenName() == QLatin1String("security-information");
}

void LinkJourney::load(const RegistrationLink &link)
{
    m_link = link;
    m_window.messagePage()->showBusy(tr("Checking your link"),
                                     tr("Checking your link with the CQRS server…"));
    m_window.showScreen(m_window.messagePage());
    m_request.track(
        m_api.fetchLinkDetails(link, this, [this, link](const ApiResult<RegistrationDetails> &r) {
            if (!r.ok())
                return showProblem(r.error);
            const RegistrationDetails details = *r.value;
            m_request.track(m_api.fetchPasswordPolicy(
                this, [this, link, details](const ApiResult<PasswordPolicy> &policy) {
                    if (!policy.ok())
                        return showProblem(policy.error);
                    const auto purpose = link.purpose() == RegistrationLink::Purpose::Register
                        ? ui::SecurityInformationPage::Purpose::Register
                        : ui::SecurityInformationPage::Purpose::Reset;
                    m_userId = details.userId;
                    ui::SecurityInformationPage *page = m_window.securityInformationPage();
                    page->start(purpose,
                                {details.userId, details.displayName, details.organisation},
                                *policy.value);
                    m_window.showScreen(page);
                }));
        }));
}

void LinkJourney::showProblem(const ApiError &error)
{
    if (error.kind == ApiError::Kind::Cancelled)
        return emit left();
    const bool reset = m_link && m_link->purpose() == RegistrationLink::Purpose::Reset;
    const RefusalWords::Words words = RefusalWords::forLink(error, reset);
    // The server away or a connection problem may pass: the same link can be checked again.
    const auto retry = error.kind == ApiError::Kind::Refused ? ui::MessagePage::Retry::NotOffered
                                                             : ui::MessagePage::Retry::Offered;
    m_window.messagePage()->showProblem(words.title, words.message, retry);
    m_window.showScreen(m_window.messagePage());
}

void LinkJourney::submit(const QString &password)
{
    if (!m_link)
        return;
    ui::SecurityInformationPage *page = m_window.securityInformationPage();
    page->feedback()->showBusy(tr("Saving your password…"));
    const bool registering = m_link->purpose() == RegistrationLink::Purpose::Register;
    m_request.track(m_api.setPasswordFromLink(
        *m_link, password, this, [this, page, registering](const ApiResult<Done> &r) {
            if (r.ok()) {
                m_link.reset();
                return emit passwordSet(registering ? tr("You are registered. Sign in with your "
                                                         "User ID and new password.")
                                                    : tr("Your password has been reset. Sign in "
                                                         "with your new password."),
                                        m_userId);
            }
            if (RefusalWords::isSpentLink(r.error))
                return showProblem(r.error);
            page->showRefusal(RefusalWords::forNewPassword(r.error), r.error.violations);
        }));
}

} // namespace cqrs::app
