#pragma once

#include "core/api/ApiClient.h"
#include "core/credentials/CredentialStore.h"
#include "core/links/RegistrationLink.h"
#include "ui/ChangePasswordDialog.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace cqrs {
class ServiceSettings;
}

namespace cqrs::ui {
class MainWindow;
} // namespace cqrs::ui

namespace cqrs::app {

class SignInMemory;
class SsoSignIn;

// Wires the screens to the CQRS server: which screen shows when, which request each button
// sends, and what each answer means to the person. One request at a time; every screen's Cancel
// cancels it.
class AppController : public QObject
{
    Q_OBJECT

public:
    explicit AppController(ServiceSettings &settings, QObject *parent = nullptr);
    ~AppController() override;

    ui::MainWindow *window() const { return m_window.get(); }
    ui::ChangePasswordDialog *changePasswordDialog() const { return m_changeDialog; }
    ApiClient *api() const { return m_api; }

    // Takes ownership; null removes it.
    void setSsoSignIn(SsoSignIn *sso);
    // Takes ownership; without one nothing is remembered between runs.
    void setSignInMemory(SignInMemory *memory);
    // At start-up: signs in again without the browser when the person last signed in with
    // NHSmail and a refresh token was kept; otherwise leaves the sign-in screen as it is.
    void resumeSignIn();

    void showSignIn(const QString &info = {});
    // A link from the command line, a second launch or the operating system; untrusted text.
    void openLink(const QString &text);

private:
    void track(ApiCall *call);
    void cancelRequest();

    void loadLink(const RegistrationLink &link);
    void showLinkProblem(const ApiError &error);
    void submitNewPassword(const QString &password);

    void signIn(const QString &userId, const QString &password, bool rememberUserId);
    void signedIn(const UserProfile &user, const RememberedSignIn &how);
    QString signInProblem(const ApiError &error) const;
    void requestReset(const QString &userId);
    void startSso();
    void signInWithIdToken(const QString &idToken);
    void ssoFailed(const QString &message);
    enum class ResumeEnd { Cancelled, Refused, Unreachable };
    void abandonResume(ResumeEnd end, const QString &problem = {});
    void signOut();

    void openChangePassword();
    void changePassword(const QString &currentPassword, const QString &newPassword);
    void passwordChangeAnswered(const ApiResult<Done> &result);

    ServiceSettings &m_settings;
    ApiClient *m_api;
    std::unique_ptr<ui::MainWindow> m_window;
    QPointer<ApiCall> m_call;
    QPointer<SsoSignIn> m_sso;
    QPointer<SignInMemory> m_memory;
    // While a remembered NHSmail sign-in is being resumed: the refresh token it started with.
    QString m_resumeToken;
    QPointer<ui::ChangePasswordDialog> m_changeDialog;
    std::optional<RegistrationLink> m_link;
    PasswordPolicy m_policy;
    std::optional<UserProfile> m_user;
};

} // namespace cqrs::app
