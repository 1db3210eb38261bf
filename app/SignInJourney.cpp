#include "app/SignInJourney.h"

#include "app/RefusalWords.h"
#include "app/RequestSlot.h"
#include "app/SignInMemory.h"
#include "app/SsoSignIn.h"
#include "core/settings/ServiceSettings.h"
#include "ui/MainWindow.h"
#include "ui/RequestFeedback.h"
#include "ui/SignInPage.h"

namespace cqrs::app {

SignInJourney::SignInJourney(ui::MainWindow &window, ApiClient &api, RequestSlot &request,
                             ServiceSettings &settings, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_api(api)
    , m_request(request)
    , m_settings(settings)
{
    ui::SignInPage *signInPage = page();
    connect(signInPage, &ui::SignInPage::signInRequested, this, &SignInJourney::signIn);
    connect(signInPage, &ui::SignInPage::forgottenPasswordRequested, this,
            &SignInJourney::requestReset);
    connect(signInPage, &ui::SignInPage::ssoRequested, this, &SignInJourney::startSso);
    connect(signInPage, &ui::SignInPage::cancelRequested, &m_request, &RequestSlot::cancel);
    signInPage->setRememberUserIdOffered(m_settings.allowsRememberingUserId());
    connect(&m_request, &RequestSlot::cancelling, this, [this] {
        if (m_sso)
            m_sso->cancel();
    });
    setSsoSignIn(nullptr);
}

ui::SignInPage *SignInJourney::page() const
{
    return m_window.signInPage();
}

void SignInJourney::setSsoSignIn(SsoSignIn *sso)
{
    delete m_sso;
    m_sso = sso;
    const SsoSettings ssoSettings = m_settings.ssoSettings();
    if (sso) {
        sso->setParent(this);
        connect(sso, &SsoSignIn::idTokenReceived, this, &SignInJourney::signInWithIdToken);
        connect(sso, &SsoSignIn::failed, this, &SignInJourney::ssoFailed);
    }
    page()->setSsoShown(ssoSettings.enabled
                        || !m_settings.isManaged(ServiceSettings::SsoEnabledKey));
    page()->setSsoAvailable(
        sso && ssoSettings.isUsable(),
        tr("Sign in with NHSmail is not set up on this computer. Sign in with your CQRS User ID "
           "and password, or ask your IT team to turn on NHSmail sign-in."));
}

void SignInJourney::setSignInMemory(SignInMemory *memory)
{
    m_memory = memory;
}

void SignInJourney::show(const QString &info)
{
    m_request.cancel();
    page()->prepare(m_settings.rememberedUserId());
    if (info.isEmpty())
        page()->feedback()->clearStatus();
    else
        page()->feedback()->showInfo(info);
    m_window.showScreen(page());
}

void SignInJourney::showFor(const QString &info, const QString &userId)
{
    show(info);
    page()->offerUserId(userId);
}

void SignInJourney::resume()
{
    if (!m_memory || !m_sso)
        return;
    m_memory->recallNhsMail(this, [this](const QString &refreshToken) {
        // The person may have started something else while the credential store answered.
        if (refreshToken.isEmpty() || !m_sso || m_window.currentScreen() != page()
            || page()->feedback()->isBusy())
            return;
        m_resumeToken = refreshToken;
        page()->feedback()->showBusy(tr("Signing you in with NHSmail, as last time…"));
        m_sso->refresh(refreshToken);
    });
}

void SignInJourney::signIn(const QString &userId, const QString &password, bool rememberUserId)
{
    m_settings.setRememberedUserId(rememberUserId ? userId : QString());
    page()->feedback()->showBusy(tr("Signing in…"));
    m_request.track(m_api.signIn(userId, password, this, [this](const ApiResult<UserProfile> &r) {
        if (r.ok())
            return finish(*r.value, {RememberedSignIn::Method::Password, {}});
        // A refused password goes; when the server, network or proxy was away nothing was
        // checked, so what was typed stays for Try again.
        if (r.error.kind == ApiError::Kind::Refused)
            page()->clearPassword();
        page()->feedback()->showError(RefusalWords::forSignIn(r.error));
    }));
}

void SignInJourney::finish(const UserProfile &user, const RememberedSignIn &how)
{
    emit signedIn(user);
    if (m_memory)
        m_memory->remember(how);
}

void SignInJourney::requestReset(const QString &userId)
{
    page()->feedback()->showBusy(tr("Asking for a password reset…"));
    m_request.track(m_api.requestPasswordReset(userId, this, [this](const ApiResult<Done> &r) {
        if (!r.ok())
            return page()->feedback()->showError(r.error.userMessage());
        // The same words whether or not the User ID exists: nothing to learn from them.
        page()->feedback()->showInfo(
            tr("If that User ID is registered, an email with a link to reset your password is on "
               "its way. Open the link on this computer; it works for a short time only."));
    }));
}

void SignInJourney::startSso()
{
    if (!m_sso)
        return;
    m_resumeToken.clear();
    page()->feedback()->showBusy(tr("Finish signing in with NHSmail in your web browser…"));
    m_sso->start();
}

void SignInJourney::signInWithIdToken(const QString &idToken)
{
    page()->feedback()->showBusy(tr("Signing you in with NHSmail…"));
    m_request.track(m_api.signInWithIdToken(idToken, this, [this](const ApiResult<UserProfile> &r) {
        if (r.ok()) {
            // A provider that does not replace refresh tokens sends none back from a
            // refresh: the one used still works.
            const QString fresh = m_sso ? m_sso->refreshToken() : QString();
            const QString kept = fresh.isEmpty() ? m_resumeToken : fresh;
            m_resumeToken.clear();
            return finish(*r.value, {RememberedSignIn::Method::NhsMail, kept});
        }
        if (m_resumeToken.isEmpty())
            return page()->feedback()->showError(RefusalWords::forNhsMailSignIn(r.error));
        if (r.error.kind == ApiError::Kind::Cancelled)
            return abandonResume(ResumeEnd::Cancelled);
        // Being offline or the server being down leaves the remembered sign-in usable.
        abandonResume(RefusalWords::refusesNhsMail(r.error) ? ResumeEnd::Refused
                                                            : ResumeEnd::Unreachable,
                      RefusalWords::forSignIn(r.error));
    }));
}

void SignInJourney::ssoFailed(const QString &message)
{
    if (!message.isEmpty())
        m_lastSsoProblem = message;
    if (!m_resumeToken.isEmpty()) {
        if (message.isEmpty())
            return abandonResume(ResumeEnd::Cancelled);
        return abandonResume(
            m_sso && m_sso->wasRefused() ? ResumeEnd::Refused : ResumeEnd::Unreachable, message);
    }
    if (message.isEmpty())
        page()->feedback()->showInfo(tr("NHSmail sign-in was cancelled."));
    else
        page()->feedback()->showError(message);
}

void SignInJourney::abandonResume(ResumeEnd end, const QString &problem)
{
    // A provider replaces the refresh token at each use: once it has sent a new one, the kept
    // one is spent, so the new one is what the next start needs.
    const QString fresh = m_sso ? m_sso->refreshToken() : QString();
    m_resumeToken.clear();
    if (m_memory && end == ResumeEnd::Refused)
        m_memory->forget();
    else if (m_memory && !fresh.isEmpty())
        m_memory->remember({RememberedSignIn::Method::NhsMail, fresh});
    switch (end) {
    case ResumeEnd::Cancelled:
        return page()->feedback()->showInfo(
            tr("Sign in with your User ID and password, or with NHSmail."));
    case ResumeEnd::Refused:
        return page()->feedback()->showInfo(
            tr("CQRS Desktop could not sign you in with NHSmail as it did last time. Sign in "
               "again with NHSmail, or with your User ID and password."));
    case ResumeEnd::Unreachable:
        return page()->feedback()->showError(problem);
    }
}

} // namespace cqrs::app
