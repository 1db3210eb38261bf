#pragma once

#include "core/api/ApiClient.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace cqrs::ui {
class ChangePasswordDialog;
class IdleWarningDialog;
class MainWindow;
} // namespace cqrs::ui

namespace cqrs::app {

class IdleMonitor;
class RequestSlot;
class SignInMemory;

// Signed in: the home screen, Change password, Sign out, the session ending on its own, and
// on a shared computer the sign-out after IT's idle time.
class AccountJourney : public QObject
{
    Q_OBJECT

public:
    AccountJourney(ui::MainWindow &window, ApiClient &api, RequestSlot &request,
                   QObject *parent = nullptr);

    // Not owned; null means nothing is remembered between runs.
    void setSignInMemory(SignInMemory *memory);
    // Not owned; null means the app never signs out for want of use.
    void setIdleMonitor(IdleMonitor *monitor);
    void begin(const UserProfile &user);
    // A link was opened: its screens are for someone who is not signed in (at a shared computer
    // perhaps someone else), so the person is signed out, the session ended at the server too,
    // and the account's dialogs close, answered or not.
    void leaveForLink();
    bool isSignedIn() const { return m_user.has_value(); }

signals:
    // Back to the sign-in screen, saying why.
    void signedOut(const QString &message);

private:
    // `done` is what the sign-in screen says once the server has revoked the session.
    void signOut(const QString &done);
    void closeDialog();
    void warnOfIdleSignOut();
    void closeIdleWarning();
    void openChangePassword();
    void changePassword(const QString &currentPassword, const QString &newPassword);
    void passwordChangeAnswered(const ApiResult<Done> &result);

    ui::MainWindow &m_window;
    ApiClient &m_api;
    RequestSlot &m_request;
    QPointer<SignInMemory> m_memory;
    QPointer<IdleMonitor> m_idle;
    QPointer<ui::ChangePasswordDialog> m_dialog;
    QPointer<ui::IdleWarningDialog> m_idleWarning;
    std::optional<UserProfile> m_user;
};

} // namespace cqrs::app
