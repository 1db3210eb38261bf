#pragma once

#include "core/api/ApiClient.h"

#include <QObject>
#include <QPointer>

#include <optional>

namespace cqrs::ui {
class ChangePasswordDialog;
class MainWindow;
} // namespace cqrs::ui

namespace cqrs::app {

class RequestSlot;
class SignInMemory;

// Signed in: the home screen, Change password, Sign out, and the session ending on its own.
class AccountJourney : public QObject
{
    Q_OBJECT

public:
    AccountJourney(ui::MainWindow &window, ApiClient &api, RequestSlot &request,
                   QObject *parent = nullptr);

    // Not owned; null means nothing is remembered between runs.
    void setSignInMemory(SignInMemory *memory);
    void begin(const UserProfile &user);
    // The app moves on (a link was opened): the Change password dialog closes, answered or not.
    void closeDialog();

signals:
    // Back to the sign-in screen, saying why.
    void signedOut(const QString &message);

private:
    void signOut();
    void openChangePassword();
    void changePassword(const QString &currentPassword, const QString &newPassword);
    void passwordChangeAnswered(const ApiResult<Done> &result);

    ui::MainWindow &m_window;
    ApiClient &m_api;
    RequestSlot &m_request;
    QPointer<SignInMemory> m_memory;
    QPointer<ui::ChangePasswordDialog> m_dialog;
    std::optional<UserProfile> m_user;
};

} // namespace cqrs::app
