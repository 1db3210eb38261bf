#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace cqrs::ui {

class BusyIndicator;
class StatusMessage;

// User ID and password, "Remember my User ID", "Forgotten your password?" and "Sign in with
// NHSmail". The page only collects and shows; the app decides what each request does.
class SignInPage : public QWidget
{
    Q_OBJECT

public:
    explicit SignInPage(QWidget *parent = nullptr);

    void prepare(const QString &rememberedUserId);
    // `unavailableReason` is shown when the NHSmail button is pressed while SSO is not set up.
    void setSsoAvailable(bool available, const QString &unavailableReason = {});
    // Hidden only when an IT admin has turned NHSmail sign-in off for this computer.
    void setSsoShown(bool shown);
    void showBusy(const QString &whatIsHappening);
    void showError(const QString &message);
    void showInfo(const QString &message);
    void clearPassword();

    QLineEdit *userIdField() const { return m_userId; }
    QLineEdit *passwordField() const { return m_password; }
    QCheckBox *rememberBox() const { return m_remember; }
    QPushButton *signInButton() const { return m_signIn; }
    QPushButton *forgottenButton() const { return m_forgotten; }
    QPushButton *ssoButton() const { return m_sso; }
    StatusMessage *status() const { return m_status; }
    BusyIndicator *busyIndicator() const { return m_busy; }

signals:
    void signInRequested(const QString &userId, const QString &password, bool rememberUserId);
    void forgottenPasswordRequested(const QString &userId);
    void ssoRequested();
    void cancelRequested();

private:
    void submit();
    void requestReset();
    void requestSso();
    void setInputEnabled(bool enabled);

    QLineEdit *m_userId;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QPushButton *m_signIn;
    QPushButton *m_forgotten;
    QPushButton *m_sso;
    QWidget *m_ssoSection;
    BusyIndicator *m_busy;
    StatusMessage *m_status;
    bool m_ssoAvailable = false;
    QString m_ssoUnavailableReason;
};

} // namespace cqrs::ui
