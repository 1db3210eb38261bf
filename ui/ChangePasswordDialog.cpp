#include "ui/ChangePasswordDialog.h"

#include "ui/NeedHelpDialog.h"
#include "ui/NewPasswordForm.h"
#include "ui/PasswordChecklist.h"
#include "ui/ReadingOrder.h"
#include "ui/RequestFeedback.h"
#include "ui/ScrollToFocus.h"
#include "ui/SecretField.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QVBoxLayout>

namespace cqrs::ui {

ChangePasswordDialog::ChangePasswordDialog(const PasswordPolicy &policy, const PasswordOwner &owner,
                                           QWidget *parent)
    : QDialog(parent)
    , m_scroll(new QScrollArea(this))
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

    // The form scrolls rather than being cut off when the screen is too small for it (200 %,
    // a long server refusal); the buttons stay in view.
    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    // The request's progress and answer above the fields, as on Security Information: a wrong
    // current password is said right above the field it is typed in again.
    contentLayout->addWidget(m_feedback);
    contentLayout->addLayout(current);
    contentLayout->addWidget(m_form);
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    // Not a Tab stop: the dialog opens in Current password, and Tab goes on to the new one.
    m_scroll->setFocusPolicy(Qt::NoFocus);
    scrollToFocus(m_scroll);
    m_current->setFocus();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_scroll, 1);
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
    if (isVisible())
        fitToContent();
}

void ChangePasswordDialog::refuseCurrentPassword(const QString &message)
{
    m_feedback->showError(message);
    m_current->clear();
    m_current->setFocus();
}

void ChangePasswordDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitToContent();
}

void ChangePasswordDialog::fitToContent()
{
    // A dialog's size hint ignores that wrapped text grows taller as it gets narrower: ask the
    // content for its height at the width it has, and grow to it as far as the screen allows.
    layout()->activate();
    QWidget *content = m_scroll->widget();
    const int contentWidth = m_scroll->viewport()->width();
    const int wanted = height() - m_scroll->viewport()->height()
        + (content->hasHeightForWidth() ? content->heightForWidth(contentWidth)
                                        : content->sizeHint().height());
    const QRect available = screen()->availableGeometry();
    const int frame = frameGeometry().height() - height();
    resize(width(), std::min(std::max(wanted, height()), available.height() - frame));
    // Its buttons must stay on the screen, with or without a window manager that moves it.
    if (frameGeometry().bottom() > available.bottom())
        move(x(), std::max(available.top(), available.bottom() + 1 - frameGeometry().height()));
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
