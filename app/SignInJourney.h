#pragma once

#include "core/api/ApiClient.h"
#include "core/credentials/CredentialStore.h"

#include <QObject>
#include <QPointer>

namespace cqrs {
class ServiceSettings;
} // namespace cqrs

namespace cqrs::ui {
class MainWindow;
class SignInPage;
} // namespace cqrs::ui

namespace cqrs::app {

class RequestSlot;
class SignInMemory;
class SsoSignIn;

// Everything on the sign-in screen: User ID and password, "Forgotten your password?", "Sign in
// with NHSmail", and at start-up resuming a remembered NHSmail sign-in without the browser.
// It ends in signedIn(), after which the sign-in is remembered for the next start.
class SignInJourney : public QObject
{
    Q_OBJECT

public:
    SignInJourney(ui::MainWindow &window, ApiClient &api, RequestSlot &request,
                  ServiceSettings &settings, QObject *parent = nullptr);

    // Takes ownership; null removes it.
    void setSsoSignIn(SsoSignIn *sso);
    // Not owned; null means nothing is remembered between runs.
    void setSignInMemory(SignInMemory *memory);
    // Signs in again without the browser when the person last signed in with NHSmail and a
    // refresh token was kept; otherwise leaves the sign-in screen as it is.
    void resume();

    // The sign-in screen, cancelling whatever was in flight; `info` says why it is shown.
    void show(const QString &info = {});
    // After a link set the password: the User ID it was for, ready for the new password.
    void showFor(const QString &info, const QString &userId);
    // What the screen last said when NHSmail sign-in failed (not a cancel), for the service
    // desk; empty when it never failed.
    QString lastSsoProblem() const { return m_lastSsoProblem; }

signals:
    void signedIn(const UserProfile &user);

private:
    ui::SignInPage *page() const;
    void signIn(const QString &userId, const QString &password, bool rememberUserId);
    void finish(const UserProfile &user, const RememberedSignIn &how);
    void requestReset(const QString &userId);
    void startSso();
    void signInWithIdToken(const QString &idToken);
    void ssoFailed(const QString &message);
    enum class ResumeEnd { Cancelled, Refused, Unreachable };
    void abandonResume(ResumeEnd end, const QString &problem = {});

    ui::MainWindow &m_window;
    ApiClient &m_api;
    RequestSlot &m_request;
    ServiceSettings &m_settings;
    QPointer<SsoSignIn> m_sso;
    QPointer<SignInMemory> m_memory;
    // While a remembered NHSmail sign-in is being resumed: the refresh token it started with.
    QString m_resumeToken;
    QString m_lastSsoProblem;
};

} // namespace cqrs::app
