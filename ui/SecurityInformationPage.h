#pragma once

#include "core/policy/PasswordPolicy.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace cqrs::ui {

class BusyIndicator;
class NewPasswordForm;
class PasswordStrengthMeter;
class StatusMessage;

// The Security Information screen a registration or reset link opens: who is registering, the
// Password Policy as a live checklist, and the new password. Submit is enabled only while every
// rule the client can judge passes.
class SecurityInformationPage : public QWidget
{
    Q_OBJECT

public:
    enum class Purpose { Register, Reset };

    explicit SecurityInformationPage(QWidget *parent = nullptr);

    void start(Purpose purpose, const PasswordOwner &owner, const PasswordPolicy &policy);
    void showBusy(const QString &whatIsHappening);
    void showRefusal(const QString &message, const QStringList &violations = {});

    NewPasswordForm *form() const { return m_form; }
    PasswordStrengthMeter *strengthMeter() const { return m_strength; }
    QPushButton *submitButton() const { return m_submit; }
    QLabel *userIdLabel() const { return m_userId; }
    QLabel *nameLabel() const { return m_name; }
    StatusMessage *status() const { return m_status; }
    BusyIndicator *busyIndicator() const { return m_busy; }

signals:
    void submitted(const QString &password);
    void cancelRequested();
    void signInRequested();

private:
    void submit();
    void setInputEnabled(bool enabled);

    QLabel *m_title;
    QLabel *m_intro;
    QLabel *m_userId;
    QLabel *m_name;
    NewPasswordForm *m_form;
    PasswordStrengthMeter *m_strength;
    QPushButton *m_submit;
    QPushButton *m_signIn;
    BusyIndicator *m_busy;
    StatusMessage *m_status;
};

} // namespace cqrs::ui
