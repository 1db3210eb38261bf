#include "app/AppController.h"

#include "app/SignInMemory.h"
#include "app/SsoSignIn.h"
#include "core/settings/ServiceSettings.h"
#include "ui/BusyIndicator.h"
#include "ui/ChangePasswordDialog.h"
#include "ui/HomePage.h"
#include "ui/MainWindow.h"
#include "ui/MessagePage.h"
#include "ui/SecurityInformationPage.h"
#include "ui/SignInPage.h"
#include "ui/StatusMessage.h"

#include <QLabel>
#include <QLineEdit>
#include <QLocale>

namespace cqrs::app {

namespace {

// "Tuesday 24 November 2026 at 09:30" in the person's own locale and time zone.
QString whenForPeople(const QDateTime &moment)
{
    const QDateTime local = moment.toLocalTime();
    const QLocale locale;
    return AppController::tr("%1 at %2")
        .arg(locale.toString(local.date(), QLocale::LongFormat),
             locale.toString(local.time(), QLocale::ShortFormat));
}

QString minAgeRefusal(const ApiError &error)
{
    if (!error.nextChangeAllowedAt.isValid())
        return AppController::tr("Your password was changed too recently to change it again yet.");
    return AppController::tr("Your password was changed recently. You can change it again after "
                             "%1.")
        .arg(whenForPeople(error.nextChangeAllowedAt));
}

} // namespace

AppController::AppController(ServiceSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_api(new ApiClient(settings.serverUrl(), this))
    , m_window(std::make_unique<ui::MainWindow>())
{
    ui::SignInPage *signInPage = m_window->signInPage();
    connect(signInPage, &ui::SignInPage::signInRequested, this, &AppController::signIn);
    connect(signInPage, &ui::SignInPage::forgottenPasswordRequested, this,
            &AppController::requestReset);
    connect(signInPage, &ui::SignInPage::ssoRequested, this, &AppController::startSso);
    connect(signInPage, &ui::SignInPage::cancelRequested, this, &AppController::cancelRequest);

    ui::SecurityInformationPage *security = m_window->securityInformationPage();
    connect(security, &ui::SecurityInformationPage::submitted, this,
            &AppController::submitNewPassword);
    connect(security, &ui::SecurityInformationPage::cancelRequested, this,
            &AppController::cancelRequest);
    connect(security, &ui::SecurityInformationPage::signInRequested, this,
            [this] { showSignIn(); });

    ui::MessagePage *message = m_window->messagePage();
    connect(message, &ui::MessagePage::cancelRequested, this, [this] {
        cancelRequest();
        showSignIn();
    });
    connect(message, &ui::MessagePage::signInRequested, this, [this] { showSignIn(); });

    ui::HomePage *home = m_window->homePage();
    connect(home, &ui::HomePage::signOutRequested, this, &AppController::signOut);
    connect(home, &ui::HomePage::changePasswordRequested, this, &AppController::openChangePassword);
    connect(home, &ui::HomePage::cancelRequested, this, &AppController::cancelRequest);

    connect(m_api, &ApiClient::sessionEnded, this, [this] {
        m_user.reset();
        if (m_changeDialog)
            m_changeDialog->abandon();
        showSignIn(tr("You have been signed out because your session ended. Sign in again."));
    });
    setSsoSignIn(nullptr);
}

AppController::~AppController() = default;

void AppController::setSsoSignIn(SsoSignIn *sso)
{
    delete m_sso;
    m_sso = sso;
    const SsoSettings ssoSettings = m_settings.ssoSettings();
    if (sso) {
        sso->setParent(this);
        connect(sso, &SsoSignIn::idTokenReceived, this, &AppController::signInWithIdToken);
        connect(sso, &SsoSignIn::failed, this, &AppController::ssoFailed);
    }
    m_window->signInPage()->setSsoShown(ssoSettings.enabled
                                        || !m_settings.isManaged(ServiceSettings::SsoEnabledKey));
    m_window->signInPage()->setSsoAvailable(
        sso && ssoSettings.isUsable(),
        tr("Sign in with NHSmail is not set up on this computer. Sign in with your CQRS User ID "
           "and password, or ask your IT team to turn on NHSmail sign-in."));
}

void AppController::setSignInMemory(SignInMemory *memory)
{
    delete m_memory;
    m_memory = memory;
    if (!memory)
        return;
    memory->setParent(this);
    connect(memory, &SignInMemory::notRemembered, this, [this](const QString &message) {
        if (m_user)
            m_window->homePage()->setNotice(message);
    });
}

void AppController::resumeSignIn()
{
    if (!m_memory || !m_sso)
        return;
    m_memory->recallNhsMail(this, [this](const QString &refreshToken) {
        // The person may have started something else while the credential store answered.
        ui::SignInPage *page = m_window->signInPage();
        if (refreshToken.isEmpty() || !m_sso || m_user || m_window->currentScreen() != page
            || page->busyIndicator()->isBusy())
            return;
        m_resumeToken = refreshToken;
        page->showBusy(tr("Signing you in with NHSmail, as last time…"));
        m_sso->refresh(refreshToken);
    });
}

void AppController::ssoFailed(const QString &message)
{
    if (!m_resumeToken.isEmpty()) {
        if (message.isEmpty())
            return abandonResume(ResumeEnd::Cancelled);
        return abandonResume(
            m_sso && m_sso->wasRefused() ? ResumeEnd::Refused : ResumeEnd::Unreachable, message);
    }
    if (message.isEmpty())
        m_window->signInPage()->showInfo(tr("NHSmail sign-in was cancelled."));
    else
        m_window->signInPage()->showError(message);
}

void AppController::abandonResume(ResumeEnd end, const QString &problem)
{
    // A provider replaces the refresh token at each use: once it has sent a new one, the kept
    // one is spent, so the new one is what the next start needs.
    const QString fresh = m_sso ? m_sso->refreshToken() : QString();
    m_resumeToken.clear();
    if (m_memory && end == ResumeEnd::Refused)
        m_memory->forget();
    else if (m_memory && !fresh.isEmpty())
        m_memory->remember({RememberedSignIn::Method::NhsMail, fresh});
    ui::SignInPage *page = m_window->signInPage();
    switch (end) {
    case ResumeEnd::Cancelled:
        return page->showInfo(tr("Sign in with your User ID and password, or with NHSmail."));
    case ResumeEnd::Refused:
        return page->showInfo(tr("CQRS Desktop could not sign you in with NHSmail as it did last "
                                 "time. Sign in again with NHSmail, or with your User ID and "
                                 "password."));
    case ResumeEnd::Unreachable:
        return page->showError(problem);
    }
}

void AppController::signInWithIdToken(const QString &idToken)
{
    m_window->signInPage()->showBusy(tr("Signing you in with NHSmail…"));
    track(m_api->signInWithIdToken(idToken, this, [this](const ApiResult<UserProfile> &r) {
        if (r.ok()) {
            // A provider that does not replace refresh tokens sends none back from a refresh:
            // the one used still works.
            const QString fresh = m_sso ? m_sso->refreshToken() : QString();
            const QString kept = fresh.isEmpty() ? m_resumeToken : fresh;
            m_resumeToken.clear();
            return signedIn(*r.value, {RememberedSignIn::Method::NhsMail, kept});
        }
        if (!m_resumeToken.isEmpty()) {
            if (r.error.kind == ApiError::Kind::Cancelled)
                return abandonResume(ResumeEnd::Cancelled);
            // Only the server saying this NHSmail account gets no CQRS session makes the
            // remembered sign-in useless; being offline or the server being down does not.
            const bool refused = r.error.httpStatus == 401 || r.error.is(u"not_registered");
            return abandonResume(refused ? ResumeEnd::Refused : ResumeEnd::Unreachable,
                                 signInProblem(r.error));
        }
        QString message = signInProblem(r.error);
        if (r.error.is(u"not_registered"))
            message = tr("Your NHSmail account is not linked to a CQRS user. Register with the "
                         "link your CQRS User Administrator sent you first.");
        else if (r.error.httpStatus == 401)
            message = tr("The CQRS server could not confirm your NHSmail sign-in. Try again, or "
                         "sign in with your CQRS User ID and password.");
        m_window->signInPage()->showError(message);
    }));
}

void AppController::track(ApiCall *call)
{
    if (m_call)
        m_call->cancel();
    m_call = call;
}

void AppController::cancelRequest()
{
    if (m_call)
        m_call->cancel();
    if (m_sso)
        m_sso->cancel();
}

void AppController::showSignIn(const QString &info)
{
    cancelRequest();
    ui::SignInPage *page = m_window->signInPage();
    page->prepare(m_settings.rememberedUserId());
    if (info.isEmpty())
        page->status()->clear();
    else
        page->showInfo(info);
    m_window->showScreen(page);
}

void AppController::openLink(const QString &text)
{
    // The link's screen replaces whatever was open, a dialog and an NHSmail sign-in included.
    if (m_changeDialog)
        m_changeDialog->abandon();
    cancelRequest();
    m_window->bringToFront();
    const auto link = RegistrationLink::parse(text);
    if (!link) {
        m_window->messagePage()->showProblem(tr("This link cannot be used"),
                                             RegistrationLink::problemWith(text));
        m_window->showScreen(m_window->messagePage());
        return;
    }
    loadLink(*link);
}

void AppController::loadLink(const RegistrationLink &link)
{
    m_link = link;
    m_window->messagePage()->showBusy(tr("Checking your link"),
                                      tr("Checking your link with the CQRS server…"));
    m_window->showScreen(m_window->messagePage());
    track(
        m_api->fetchLinkDetails(link, this, [this, link](const ApiResult<RegistrationDetails> &r) {
            if (!r.ok())
                return showLinkProblem(r.error);
            const RegistrationDetails details = *r.value;
            track(m_api->fetchPasswordPolicy(
                this, [this, link, details](const ApiResult<PasswordPolicy> &policy) {
                    if (!policy.ok())
                        return showLinkProblem(policy.error);
                    m_policy = *policy.value;
                    const auto purpose = link.purpose() == RegistrationLink::Purpose::Register
                        ? ui::SecurityInformationPage::Purpose::Register
                        : ui::SecurityInformationPage::Purpose::Reset;
                    ui::SecurityInformationPage *page = m_window->securityInformationPage();
                    page->start(purpose,
                                {details.userId, details.displayName, details.organisation},
                                m_policy);
                    m_window->showScreen(page);
                }));
        }));
}

void AppController::showLinkProblem(const ApiError &error)
{
    if (error.kind == ApiError::Kind::Cancelled)
        return showSignIn();
    const bool reset = m_link && m_link->purpose() == RegistrationLink::Purpose::Reset;
    const QString whatNext = reset ? tr("Choose \"Forgotten your password?\" on the sign-in "
                                        "screen to get a new one.")
                                   : tr("Ask your CQRS User Administrator to send you a new one.");
    const QString kind = reset ? tr("password reset link") : tr("registration link");
    QString title = tr("This link cannot be used");
    QString message;
    if (error.is(u"token_expired"))
        message = tr("This %1 has expired.").arg(kind) + QLatin1Char(' ') + whatNext;
    else if (error.is(u"token_used"))
        message
            = tr("This %1 has already been used. If you have set your password, sign in.").arg(kind)
            + QLatin1Char(' ') + tr("If not:") + QLatin1Char(' ') + whatNext;
    else if (error.is(u"unknown_token"))
        message = tr("This %1 is not recognised. A newer link may have replaced it.").arg(kind)
            + QLatin1Char(' ') + whatNext;
    else {
        title = tr("Cannot check your link");
        message = error.userMessage();
    }
    m_window->messagePage()->showProblem(title, message);
    m_window->showScreen(m_window->messagePage());
}

void AppController::submitNewPassword(const QString &password)
{
    if (!m_link)
        return;
    ui::SecurityInformationPage *page = m_window->securityInformationPage();
    page->showBusy(tr("Saving your password…"));
    const bool registering = m_link->purpose() == RegistrationLink::Purpose::Register;
    const QString userId = page->userIdLabel()->text();
    track(m_api->setPasswordFromLink(
        *m_link, password, this, [this, page, registering, userId](const ApiResult<Done> &r) {
            if (r.ok()) {
                m_link.reset();
                showSignIn(registering ? tr("You are registered. Sign in with your User ID and new "
                                            "password.")
                                       : tr("Your password has been reset. Sign in with your new "
                                            "password."));
                m_window->signInPage()->userIdField()->setText(userId);
                m_window->signInPage()->passwordField()->setFocus();
                return;
            }
            if (r.error.is(u"token_used") || r.error.is(u"token_expired")
                || r.error.is(u"unknown_token"))
                return showLinkProblem(r.error);
            QString message = r.error.userMessage();
            if (r.error.violations.contains(QStringLiteral("min-age")))
                message = minAgeRefusal(r.error);
            page->showRefusal(message, r.error.violations);
        }));
}

void AppController::signIn(const QString &userId, const QString &password, bool rememberUserId)
{
    m_settings.setRememberedUserId(rememberUserId ? userId : QString());
    m_window->signInPage()->showBusy(tr("Signing in…"));
    track(m_api->signIn(userId, password, this, [this](const ApiResult<UserProfile> &r) {
        if (r.ok())
            return signedIn(*r.value, {RememberedSignIn::Method::Password, {}});
        m_window->signInPage()->clearPassword();
        m_window->signInPage()->showError(signInProblem(r.error));
    }));
}

QString AppController::signInProblem(const ApiError &error) const
{
    if (error.is(u"account_locked") && error.retryAfterSeconds) {
        const QDateTime until = QDateTime::currentDateTime().addSecs(*error.retryAfterSeconds);
        return tr("Your account is locked after too many unsuccessful sign-in attempts. Try again "
                  "after %1, or ask your CQRS User Administrator to unlock it.")
            .arg(QLocale().toString(until.time(), QLocale::ShortFormat));
    }
    return error.userMessage();
}

void AppController::signedIn(const UserProfile &user, const RememberedSignIn &how)
{
    m_user = user;
    ui::HomePage *home = m_window->homePage();
    home->showPerson({user.displayName, user.userId, user.organisation, user.role});
    home->setNotice({});
    m_window->showScreen(home);
    home->setFocus();
    if (m_memory)
        m_memory->remember(how);
}

void AppController::requestReset(const QString &userId)
{
    m_window->signInPage()->showBusy(tr("Asking for a password reset…"));
    track(m_api->requestPasswordReset(userId, this, [this](const ApiResult<Done> &r) {
        if (!r.ok())
            return m_window->signInPage()->showError(r.error.userMessage());
        // The same words whether or not the User ID exists: nothing to learn from them.
        m_window->signInPage()->showInfo(
            tr("If that User ID is registered, an email with a link to reset your password is on "
               "its way. Open the link on this computer; it works for a short time only."));
    }));
}

void AppController::startSso()
{
    if (!m_sso)
        return;
    m_resumeToken.clear();
    m_window->signInPage()->showBusy(tr("Finish signing in with NHSmail in your web browser…"));
    m_sso->start();
}

void AppController::signOut()
{
    // Signing out means the next start asks who is signing in, whatever the server answers.
    if (m_memory)
        m_memory->forget();
    m_window->homePage()->showBusy(tr("Signing out…"));
    track(m_api->signOut(this, [this](const ApiResult<Done> &r) {
        m_user.reset();
        // The session is forgotten here even when the server could not be told.
        showSignIn(r.ok() ? tr("You have signed out.")
                          : tr("You have signed out of this app. The CQRS server could not be "
                               "told, so your session there will end on its own."));
    }));
}

void AppController::openChangePassword()
{
    if (!m_user)
        return;
    m_window->homePage()->showBusy(tr("Getting the Password Policy…"));
    track(m_api->fetchPasswordPolicy(this, [this](const ApiResult<PasswordPolicy> &r) {
        if (!r.ok())
            return m_window->homePage()->showError(r.error.userMessage());
        m_window->homePage()->stopBusy();
        m_policy = *r.value;
        auto *dialog = new ui::ChangePasswordDialog(
            m_policy, {m_user->userId, m_user->displayName, m_user->organisation}, m_window.get());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &ui::ChangePasswordDialog::submitted, this, &AppController::changePassword);
        connect(dialog, &ui::ChangePasswordDialog::cancelRequested, this,
                &AppController::cancelRequest);
        m_changeDialog = dialog;
        dialog->open();
    }));
}

void AppController::changePassword(const QString &currentPassword, const QString &newPassword)
{
    if (!m_changeDialog)
        return;
    m_changeDialog->showBusy(tr("Changing your password…"));
    track(m_api->changePassword(currentPassword, newPassword, this,
                                [this](const ApiResult<Done> &r) { passwordChangeAnswered(r); }));
}

void AppController::passwordChangeAnswered(const ApiResult<Done> &r)
{
    if (!m_changeDialog)
        return;
    if (r.ok()) {
        m_changeDialog->accept();
        m_window->homePage()->showInfo(tr("Your password has been changed."));
        return;
    }
    QHash<QString, QString> detail;
    QString message = r.error.userMessage();
    if (r.error.violations.contains(QStringLiteral("min-age"))) {
        message = minAgeRefusal(r.error);
        detail.insert(QStringLiteral("min-age"), message);
    } else if (r.error.is(u"invalid_credentials")) {
        message = tr("Your current password is not correct.");
    }
    m_changeDialog->showRefusal(message, r.error.violations, detail);
}

} // namespace cqrs::app
