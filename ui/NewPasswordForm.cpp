#include "ui/NewPasswordForm.h"

#include "ui/PasswordChecklist.h"
#include "ui/PasswordStrengthMeter.h"
#include "ui/ReadingOrder.h"
#include "ui/SecretField.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace cqrs::ui {

NewPasswordForm::NewPasswordForm(QWidget *parent)
    : QWidget(parent)
    , m_password(new QLineEdit(this))
    , m_confirmation(new QLineEdit(this))
    , m_show(new QCheckBox(tr("&Show passwords"), this))
    , m_spaceAtEnd(new QLabel(this))
    , m_strength(new PasswordStrengthMeter(this))
    , m_checklist(new PasswordChecklist(this))
{
    m_password->setObjectName(QStringLiteral("newPassword"));
    m_confirmation->setObjectName(QStringLiteral("confirmPassword"));
    m_show->setObjectName(QStringLiteral("showPasswords"));
    m_spaceAtEnd->setObjectName(QStringLiteral("spaceAtEnd"));
    m_spaceAtEnd->setWordWrap(true);
    m_spaceAtEnd->hide();
    for (QLineEdit *field : {m_password, m_confirmation}) {
        field->setEchoMode(QLineEdit::Password);
        keepSecretFromAssistiveTechnology(field);
        // Pasting from a password manager is allowed; the app itself never stores the text.
        connect(field, &QLineEdit::textChanged, this, &NewPasswordForm::reevaluate);
    }
    connect(m_password, &QLineEdit::textChanged, m_strength,
            &PasswordStrengthMeter::showStrengthOf);
    m_password->setAccessibleName(tr("New password"));
    m_confirmation->setAccessibleName(tr("Confirm new password"));
    connect(m_show, &QCheckBox::toggled, this, [this](bool shown) {
        const auto mode = shown ? QLineEdit::Normal : QLineEdit::Password;
        m_password->setEchoMode(mode);
        m_confirmation->setEchoMode(mode);
    });

    auto *fields = new QFormLayout;
    fields->addRow(tr("&New password"), m_password);
    fields->addRow(tr("C&onfirm new password"), m_confirmation);
    fields->addRow(QString(), m_show);
    fields->addRow(QString(), m_spaceAtEnd);

    auto *policyBox = new QGroupBox(tr("Password Policy"), this);
    policyBox->setAccessibleName(tr("Password Policy checklist"));
    auto *policyLayout = new QVBoxLayout(policyBox);
    policyLayout->addWidget(m_checklist);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(fields);
    layout->addWidget(m_strength);
    layout->addWidget(policyBox);
    setFocusProxy(m_password);
    readInLayoutOrder(this);
}

void NewPasswordForm::setPolicy(const PasswordPolicy &policy, const PasswordOwner &owner)
{
    m_strength->setOwner(owner);
    m_strength->showStrengthOf(m_password->text());
    m_checklist->setPolicy(policy, owner);
    reevaluate();
}

QString NewPasswordForm::password() const
{
    return m_password->text();
}

void NewPasswordForm::clear()
{
    m_password->clear();
    m_confirmation->clear();
    m_show->setChecked(false);
}

void NewPasswordForm::reevaluate()
{
    // Pasted passwords often carry a space or line end: said, since the person will have to
    // type it at every sign-in (a line end is already crossed off by the checklist).
    const QString password = m_password->text();
    const bool starts = !password.isEmpty() && password.front().isSpace();
    const bool ends = !password.isEmpty() && password.back().isSpace();
    m_spaceAtEnd->setVisible(starts || ends);
    if (starts || ends)
        m_spaceAtEnd->setText(
            ends ? tr("Your new password ends with a space. Remove it unless you mean it: you "
                      "would have to type it every time you sign in.")
                 : tr("Your new password starts with a space. Remove it unless you mean it: you "
                      "would have to type it every time you sign in."));
    // Heard with the field by a screen reader, which does not see a label appear.
    m_password->setAccessibleDescription(m_spaceAtEnd->isVisible() ? m_spaceAtEnd->text()
                                                                   : QString());
    m_acceptable = m_checklist->evaluate(password, m_confirmation->text());
    emit acceptabilityChanged(m_acceptable);
}

} // namespace cqrs::ui
