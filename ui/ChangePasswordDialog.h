#pragma once

#include "core/policy/PasswordPolicy.h"

#include <QDialog>
#include <QHash>

class QLineEdit;
class QPushButton;
class QScrollArea;

namespace cqrs::ui {

class NewPasswordForm;
class RequestFeedback;

// Change password for the signed-in user: the current password, then the same new-password
// form and checklist as the Security Information screen. It stays open until the server agrees.
class ChangePasswordDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ChangePasswordDialog(const PasswordPolicy &policy, const PasswordOwner &owner,
                                  QWidget *parent = nullptr);

    // `detail` rewords checklist items, e.g. the date and time for min-age.
    void showRefusal(const QString &message, const QStringList &violations,
                     const QHash<QString, QString> &detail = {});

    // The current password was wrong: it is cleared and typed again, where focus now goes.
    void refuseCurrentPassword(const QString &message);

    // Esc and the window's close button do nothing while the server is answering: closing
    // then would drop its answer unseen. Cancel on the progress line stops the request first.
    void reject() override;
    // Closes even mid-request, when the app moves on: the session ended, a link was opened.
    void abandon();

    // Busy bar with Cancel, status line, input lock; its Cancel is this dialog's
    // cancelRequested.
    RequestFeedback *feedback() const { return m_feedback; }

signals:
    void submitted(const QString &currentPassword, const QString &newPassword);
    void cancelRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void submit();
    void updateSubmit();
    void fitToContent();

    QScrollArea *m_scroll;
    QLineEdit *m_current;
    NewPasswordForm *m_form;
    QPushButton *m_submit;
    QPushButton *m_close;
    RequestFeedback *m_feedback;
};

} // namespace cqrs::ui
