#include "ui/ChangePasswordDialog.h"

#include "ui/NeedHelpDialog.h"
#include "ui/NewPasswordForm.h"
#include "ui/PasswordChecklist.h"
#include "ui/ReadingOrder.h"
#include "ui/RequestFeedback.h"
#include "ui/SecretField.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cqrs::ui {

ChangePasswordDialog::ChangePasswordDialog(const PasswordPolicy &policy, const PasswordOwner &owner,
                                           QWidget *parent)
    : QDialog(parent)
    , m_current(new QLineEdit(this))
    , m_form(new NewPasswordForm(this))
    , m_feedback(new RequestFeedback(this))
{
    setObjectName(QStringLiteral("change-password"));
    setWindowTitle(tr("Change password"));
    // Wrapped text needs a sensible width to wrap against, at any scale or font size.
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);
    m_current->setObjectName(QStringLiteral("currentPassword"));
    m_current->setEchoMode(QLineEdit::Password);
    keepSecretFromAssistiveTechnology(m_current);
    m_current->setAccessibleName(tr("Current password"));

    auto *buttons = new QDialogButtonBox(this);
    m_submit = buttons->addButton(tr("&Change password"), QDialogButtonBox::AcceptRole);
    m_close = buttons->addButton(QDialogButtonBox::Close);
    QPushButton *help = buttons->addButton(tr("Need &help?"), QDialogButtonBox::HelpRole);
    help->setObjectName(QStringLiteral("needHelp"));
    m_submit->setObjectName(QStringLiteral("submit"));
    m_submit->setDefault(true);

    auto *current = new QFormLayout;
    current->addRow(tr("C&urrent password"), m_current);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(current);
    layout->addWidget(m_form);
    layout->addWidget(m_feedback);
    layout->addWidget(buttons);

    m_form->setPolicy(policy, owner);
    connect(m_current, &QLineEdit::textChanged, this, &ChangePasswordDialog::updateSubmit);
    connect(m_form, &NewPasswordForm::acceptabilityChanged, this,
            &ChangePasswordDialog::updateSubmit);
    connect(m_submit, &QPushButton::clicked, this, &ChangePasswordDialog::submit);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(help, &QPushButton::clicked, this, [this] { NeedHelpDialog::openFor(this); });
    connect(m_feedback, &RequestFeedback::cancelRequested, this,
            &ChangePasswordDialog::cancelRequested);
    m_feedback->lockWhileBusy({m_current, m_form, m_close});
    connect(m_feedback, &RequestFeedback::busyChanged, this, &ChangePasswordDialog::updateSubmit);
    setTabOrder(m_current, m_form->passwordField());
    readInLayoutOrder(this);
    updateSubmit();
}

void ChangePasswordDialog::showRefusal(const QString &message, const QStringList &violations,
                                       const QHash<QString, QString> &detail)
{
    m_form->checklist()->showServerViolations(violations, detail);
    m_feedback->showError(message);
}

void ChangePasswordDialog::reject()
{
    if (!m_feedback->isBusy())
        QDialog::reject();
}

void ChangePasswordDialog::abandon()
{
    m_feedback->stop();
    QDialog::reject();
}

void ChangePasswordDialog::submit()
{
    if (m_submit->isEnabled() && !m_feedback->isBusy())
        emit submitted(m_current->text(), m_form->password());
}

void ChangePasswordDialog::updateSubmit()
{
    m_submit->setEnabled(!m_feedback->isBusy() && !m_current->text().isEmpty()
                         && m_form->isAcceptable());
}

} // namespace cqrs::ui
