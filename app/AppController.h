#pragma once

#include "ApiClient.h"
#include "ChangePasswordDialog.h"
#include "RegistrationLink.h"

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
    void signedIn(const UserProfile &user);
    QString signInProblem(const ApiError &error) const;
    void requestReset(const QString &userId);
    void startSso();
    void signInWithIdToken(const QString &idToken);
    void signOut();

    void openChangePassword();
    void changePassword(const QString &currentPassword, const QString &newPassword);
    void passwordChangeAnswered(const ApiResult<Done> &result);

    ServiceSettings &m_settings;
    ApiClient *m_api;
    std::unique_ptr<ui::MainWindow> m_window;
    QPointer<ApiCall> m_call;
    QPointer<SsoSignIn> m_sso;
    QPointer<ui::ChangePasswordDialog> m_changeDialog;
    std::optional<RegistrationLink> m_link;
    PasswordPolicy m_policy;
    std::optional<UserProfile> m_user;
};

} // namespace cqrs::app
