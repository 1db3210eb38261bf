#include "app/AccountJourney.h"

#include "app/IdleMonitor.h"
#include "app/RefusalWords.h"
#include "app/RequestSlot.h"
#include "app/SignInMemory.h"
#include "core/api/ApiContract.h"
#include "ui/ChangePasswordDialog.h"
#include "ui/HomePage.h"
#include "ui/IdleWarningDialog.h"
#include "ui/MainWindow.h"
#include "ui/RequestFeedback.h"

namespace cqrs::app {

AccountJourney::AccountJourney(ui::MainWindow &window, ApiClient &api, RequestSlot &request,
                               QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_api(api)
    , m_request(request)
{
    ui::HomePage *home = m_window.homePage();
    connect(home, &ui::HomePage::signOutRequested, this,
            [this] { signOut(tr("You have signed out.")); });
    connect(home, &ui::HomePage::changePasswordRequested, this,
            &AccountJourney::openChangePassword);
    connect(home, &ui::HomePage::cancelRequested, &m_request, &RequestSlot::cancel);
    connect(&m_api, &ApiClient::sessionEnded, this, [this] {
        m_user.reset();
        // A change sent with an ended session was not made: said, or the person would believe
        // their new password is set.
        const bool changing = m_dialog && m_dialog->feedback()->isBusy();
        closeDialog();
        emit signedOut(changing ? tr("You have been signed out because your session ended, so "
                                     "your password was not changed. Sign in again, then change "
                                     "it.")
                                : tr("You have been signed out because your session ended. Sign "
                                     "in again."));
    });
}

void AccountJourney::setSignInMemory(SignInMemory *memory)
{
    m_memory = memory;
    if (!memory)
        return;
    connect(memory, &SignInMemory::notRemembered, this, [this](const QString &message) {
        if (m_user)
            m_window.homePage()->setNotice(message);
    });
}

void AccountJourney::setIdleMonitor(IdleMonitor *monitor)
{
    m_idle = monitor;
    if (!monitor)
        return;
    connect(monitor, &IdleMonitor::warning, this, &AccountJourney::warnOfIdleSignOut);
    connect(monitor, &IdleMonitor::resumed, this, &AccountJourney::closeIdleWarning);
    connect(monitor, &IdleMonitor::timedOut, this, [this, monitor] {
        if (!m_user)
            return;
        closeIdleWarning();
        closeDialog();
        const auto minutes = static_cast<int>(monitor->limit().count());
        signOut(tr("You were signed out after %1 minutes without activity, so that nobody else "
                   "can use your CQRS account on this computer. Sign in again to carry on.")
                    .arg(minutes));
    });
    connect(this, &AccountJourney::signedOut, monitor, &IdleMonitor::stop);
}

void AccountJourney::begin(const UserProfile &user)
{
    m_user = user;
    if (m_idle)
        m_idle->start();
    ui::HomePage *home = m_window.homePage();
    home->showPerson({user.displayName, user.userId, user.organisation, user.role});
    home->setNotice({});
    m_window.showScreen(home);
    home->setFocus();
}

void AccountJourney::leaveForLink()
{
    closeIdleWarning();
    closeDialog();
    if (!m_user)
        return;
    m_user.reset();
    if (m_idle)
        m_idle->stop();
    if (m_memory)
        m_memory->forget();
    // Not the window's request: the link's check replaces that at once, and this one must still
    // reach the server. The token is forgotten here whatever it answers.
    m_api.signOut(this, [](const ApiResult<Done> &) {});
}

void AccountJourney::closeDialog()
{
    if (m_dialog)
        m_dialog->abandon();
}

void AccountJourney::warnOfIdleSignOut()
{
    if (!m_user || m_idleWarning)
        return;
    auto *warning = new ui::IdleWarningDialog(&m_window);
    warning->setAttribute(Qt::WA_DeleteOnClose);
    connect(warning, &ui::IdleWarningDialog::staySignedInRequested, this, [this] {
        if (m_idle)
            m_idle->noteActivity();
    });
    m_idleWarning = warning;
    warning->open();
}

void AccountJourney::closeIdleWarning()
{
    if (m_idleWarning)
        m_idleWarning->accept();
}

void AccountJourney::signOut(const QString &done)
{
    // Signing out means the next start asks who is signing in, whatever the server answers.
    if (m_memory)
        m_memory->forget();
    m_window.homePage()->feedback()->showBusy(tr("Signing out…"));
    m_request.track(m_api.signOut(this, [this, done](const ApiResult<Done> &r) {
        m_user.reset();
        // The session is forgotten here even when the server could not be told; why the person
        // was signed out (the idle limit) still comes first.
        emit signedOut(r.ok() ? done
                              : tr("%1 The CQRS server could not be told, so your session there "
                                   "will end on its own.")
                                    .arg(done));
    }));
}

void AccountJourney::openChangePassword()
{
    if (!m_user)
        return;
    ui::RequestFeedback *feedback = m_window.homePage()->feedback();
    feedback->showBusy(tr("Getting the Password Policy…"));
    m_request.track(
        m_api.fetchPasswordPolicy(this, [this, feedback](const ApiResult<PasswordPolicy> &r) {
            if (!r.ok())
                return feedback->showError(r.error.userMessage());
            feedback->stop();
            auto *dialog = new ui::ChangePasswordDialog(
                *r.value, {m_user->userId, m_user->displayName, m_user->organisation}, &m_window);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &ui::ChangePasswordDialog::submitted, this,
                    &AccountJourney::changePassword);
            connect(dialog, &ui::ChangePasswordDialog::cancelRequested, &m_request,
                    &RequestSlot::cancel);
            m_dialog = dialog;
            dialog->open();
        }));
}

void AccountJourney::changePassword(const QString &currentPassword, const QString &newPassword)
{
    if (!m_dialog)
        return;
    m_dialog->feedback()->showBusy(tr("Changing your password…"));
    m_request.track(
        m_api.changePassword(currentPassword, newPassword, this,
                             [this](const ApiResult<Done> &r) { passwordChangeAnswered(r); }));
}

void AccountJourney::passwordChangeAnswered(const ApiResult<Done> &r)
{
    if (!m_dialog)
        return;
    if (r.ok()) {
        m_dialog->accept();
        m_window.homePage()->feedback()->showInfo(tr("Your password has been changed."));
        return;
    }
    const RefusalWords::Words words = RefusalWords::forPasswordChange(r.error);
    if (r.error.kind == ApiError::Kind::Refused
        && r.error.code == api::Errors::InvalidCredentials.code)
        m_dialog->refuseCurrentPassword(words.message);
    else
        m_dialog->showRefusal(words.message, r.error.violations, words.ruleDetail);
}

} // namespace cqrs::app
