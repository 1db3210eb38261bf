#pragma once

#include "core/policy/PasswordPolicy.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace cqrs::ui {

class PasswordChecklist;
class PasswordStrengthMeter;

// A new password, its confirmation, a show/hide toggle, the strength guidance and the live
// checklist: the same form on the Security Information screen and in the Change password dialog.
class NewPasswordForm : public QWidget
{
    Q_OBJECT

public:
    explicit NewPasswordForm(QWidget *parent = nullptr);

    void setPolicy(const PasswordPolicy &policy, const PasswordOwner &owner);
    QString password() const;
    bool isAcceptable() const { return m_acceptable; }
    void clear();

    QLineEdit *passwordField() const { return m_password; }
    QLineEdit *confirmationField() const { return m_confirmation; }
    QCheckBox *showToggle() const { return m_show; }
    PasswordChecklist *checklist() const { return m_checklist; }

signals:
    // Whenever either field changes; `acceptable` when every locally judged rule passes.
    void acceptabilityChanged(bool acceptable);

private:
    void reevaluate();

    QLineEdit *m_password;
    QLineEdit *m_confirmation;
    QCheckBox *m_show;
    // A space at either end is allowed (the Password Policy counts it), but was seldom meant.
    QLabel *m_spaceAtEnd;
    PasswordStrengthMeter *m_strength;
    PasswordChecklist *m_checklist;
    bool m_acceptable = false;
};

} // namespace cqrs::ui
