#pragma once

#include "core/policy/PasswordOwner.h"
#include "core/policy/PasswordStrength.h"

#include <QWidget>

class QLabel;
class QProgressBar;

namespace cqrs::ui {

// Guidance under the new password: how hard it would be to guess, as a labelled meter with
// words ("Weak — could be guessed in hours") and one concrete tip. Never a rule: it does not
// enable or disable anything.
class PasswordStrengthMeter : public QWidget
{
    Q_OBJECT

public:
    explicit PasswordStrengthMeter(QWidget *parent = nullptr);

    void setOwner(const PasswordOwner &owner);
    void showStrengthOf(const QString &password);

    PasswordStrength::Level level() const { return m_level; }

private:
    QStringList m_userWords;
    PasswordStrength::Level m_level = PasswordStrength::Level::None;
    QProgressBar *m_bar;
    QLabel *m_summary;
    QLabel *m_tip;
};

} // namespace cqrs::ui
