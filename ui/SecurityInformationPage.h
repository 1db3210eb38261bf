#pragma once

#include "core/policy/PasswordPolicy.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace cqrs::ui {

class NewPasswordForm;
class RequestFeedback;

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
    void showRefusal(const QString &message, const QStringList &violations = {});
    // Something is typed in either password field, which opening another link would clear.
    bool hasTypedPassword() const;

    // Busy bar with Cancel, status line, input lock; its Cancel is this page's cancelRequested.
    RequestFeedback *feedback() const { return m_feedback; }

signals:
    void submitted(const QString &password);
    void cancelRequested();
    void signInRequested();

private:
    void submit();
    void updateSubmit();

    QLabel *m_title;
    QLabel *m_intro;
    QLabel *m_userId;
    QLabel *m_name;
    NewPasswordForm *m_form;
    QPushButton *m_submit;
    QPushButton *m_signIn;
    RequestFeedback *m_feedback;
};

} // namespace cqrs::ui
