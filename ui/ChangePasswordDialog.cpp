#include "ui/ChangePasswordDialog.h"

#include "ui/BusyIndicator.h"
#include "ui/NeedHelpDialog.h"
#include "ui/NewPasswordForm.h"
#include "ui/PasswordChecklist.h"
#include "ui/StatusMessage.h"

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
    , m_busy(new BusyIndicator(this))
    , m_status(new StatusMessage(this))
{
    setObjectName(QStringLiteral("change-password"));
    setWindowTitle(tr("Change password"));
    // Wrapped text needs a sensible width to wrap against, at any scale or font size.
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);
    m_current->setObjectName(QStringLiteral("currentPassword"));
    m_current->setEchoMode(QLineEdit::Password);
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
    layout->addWidget(m_status);
    layout->addWidget(m_busy);
    layout->addWidget(buttons);

    m_form->setPolicy(policy, owner);
    connect(m_current, &QLineEdit::textChanged, this, &ChangePasswordDialog::updateSubmit);
    connect(m_form, &NewPasswordForm::acceptabilityChanged, this,
            &ChangePasswordDialog::updateSubmit);
    connect(m_submit, &QPushButton::clicked, this, &ChangePasswordDialog::submit);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(help, &QPushButton::clicked, this, [this] { NeedHelpDialog::openFor(this); });
    connect(m_busy, &BusyIndicator::cancelRequested, this, &ChangePasswordDialog::cancelRequested);
    setTabOrder(m_current, m_form->passwordField());
    updateSubmit();
}

void ChangePasswordDialog::showBusy(const QString &whatIsHappening)
{
    m_status->clear();
    setInputEnabled(false);
    m_busy->start(whatIsHappening);
}

void ChangePasswordDialog::showRefusal(const QString &message, const QStringList &violations,
                                       const QHash<QString, QString> &detail)
{
    m_busy->stop();
    setInputEnabled(true);
    m_form->checklist()->showServerViolations(violations, detail);
    m_status->showError(message);
}

void ChangePasswordDialog::reject()
{
    if (!m_busy->isBusy())
        QDialog::reject();
}

void ChangePasswordDialog::abandon()
{
    m_busy->stop();
    QDialog::reject();
}

void ChangePasswordDialog::submit()
{
    if (m_submit->isEnabled() && !m_busy->isBusy())
        emit submitted(m_current->text(), m_form->password());
}

void ChangePasswordDialog::updateSubmit()
{
    m_submit->setEnabled(!m_busy->isBusy() && !m_current->text().isEmpty()
                         && m_form->isAcceptable());
}

void ChangePasswordDialog::setInputEnabled(bool enabled)
{
    m_current->setEnabled(enabled);
    m_form->setEnabled(enabled);
    m_close->setEnabled(enabled);
    updateSubmit();
}

} // namespace cqrs::ui
