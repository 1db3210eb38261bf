#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QPushButton;

namespace cqrs::ui {

class RequestFeedback;

// User ID and password, "Remember my User ID", "Forgotten your password?" and "Sign in with
// NHSmail". The page only collects and shows; the app decides what each request does.
class SignInPage : public QWidget
{
    Q_OBJECT

public:
    explicit SignInPage(QWidget *parent = nullptr);

    void prepare(const QString &rememberedUserId);
    // After registering or a reset: the User ID just used, ready for the new password.
    void offerUserId(const QString &userId);
    // `unavailableReason` is shown when the NHSmail button is pressed while SSO is not set up.
    void setSsoAvailable(bool available, const QString &unavailableReason = {});
    // Hidden only when an IT admin has turned NHSmail sign-in off for this computer.
    void setSsoShown(bool shown);
    void clearPassword();
    // Hidden where IT policy forbids remembering the User ID (a shared computer).
    void setRememberUserIdOffered(bool offered);

    // Busy bar with Cancel, status line, input lock; its Cancel is this page's cancelRequested.
    RequestFeedback *feedback() const { return m_feedback; }

signals:
    void signInRequested(const QString &userId, const QString &password, bool rememberUserId);
    void forgottenPasswordRequested(const QString &userId);
    void ssoRequested();
    void cancelRequested();

private:
    void submit();
    void requestReset();
    void requestSso();
    QLineEdit *m_userId;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QPushButton *m_signIn;
    QPushButton *m_forgotten;
    QPushButton *m_sso;
    QWidget *m_ssoSection;
    RequestFeedback *m_feedback;
    bool m_ssoAvailable = false;
    QString m_ssoUnavailableReason;
};

} // namespace cqrs::ui
