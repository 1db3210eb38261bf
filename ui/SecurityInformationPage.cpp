#include "ui/SecurityInformationPage.h"

#include "ui/NewPasswordForm.h"
#include "ui/PageTitle.h"
#include "ui/PasswordChecklist.h"
#include "ui/ReadingOrder.h"
#include "ui/RequestFeedback.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cqrs::ui {

SecurityInformationPage::SecurityInformationPage(QWidget *parent)
    : QWidget(parent)
    , m_title(makePageTitle(this, tr("Security Information")))
    , m_intro(new QLabel(this))
    , m_userId(new QLabel(this))
    , m_name(new QLabel(this))
    , m_form(new NewPasswordForm(this))
    , m_submit(new QPushButton(this))
    , m_signIn(new QPushButton(tr("&Back to sign in"), this))
    , m_feedback(new RequestFeedback(this))
{
    setObjectName(QStringLiteral("security-information"));
    setWindowTitle(tr("Security Information"));
    m_intro->setWordWrap(true);
    m_userId->setObjectName(QStringLiteral("userId"));
    m_name->setObjectName(QStringLiteral("displayName"));
    // Server data, shown exactly as given, never read as markup.
    for (QLabel *label : {m_userId, m_name}) {
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_submit->setObjectName(QStringLiteral("submit"));
    m_signIn->setObjectName(QStringLiteral("backToSignIn"));
    m_submit->setDefault(true);

    auto *who = new QFormLayout;
    who->addRow(tr("User ID:"), m_userId);
    who->addRow(tr("Name:"), m_name);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_submit);
    buttons->addStretch(1);
    buttons->addWidget(m_signIn);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_intro);
    layout->addLayout(who);
    // Above the fields, like an error summary on NHS.UK: a refusal shows beside New password,
    // where focus goes, even when the screen scrolls (200 %).
    layout->addWidget(m_feedback);
    layout->addWidget(m_form);
    layout->addStretch(1);
    layout->addLayout(buttons);

    connect(m_form, &NewPasswordForm::acceptabilityChanged, this,
            &SecurityInformationPage::updateSubmit);
    connect(m_submit, &QPushButton::clicked, this, &SecurityInformationPage::submit);
    // Enter in either field submits, but only what the checklist allows.
    for (QLineEdit *field : {m_form->passwordField(), m_form->confirmationField()})
        connect(field, &QLineEdit::returnPressed, this, &SecurityInformationPage::submit);
    connect(m_feedback, &RequestFeedback::cancelRequested, this,
            &SecurityInformationPage::cancelRequested);
    m_feedback->lockWhileBusy({m_form, m_signIn});
    connect(m_feedback, &RequestFeedback::busyChanged, this,
            &SecurityInformationPage::updateSubmit);
    connect(m_signIn, &QPushButton::clicked, this, &SecurityInformationPage::signInRequested);
    setTabOrder(m_form->passwordField(), m_form->confirmationField());
    setTabOrder(m_form->confirmationField(), m_form->showToggle());
    setTabOrder(m_form->showToggle(), m_submit);
    setTabOrder(m_submit, m_signIn);
    readInLayoutOrder(this);
}

void SecurityInformationPage::start(Purpose purpose, const PasswordOwner &owner,
                                    const PasswordPolicy &policy)
{
    const bool registering = purpose == Purpose::Register;
    m_intro->setText(registering
                         ? tr("Choose the password you will use to sign in to CQRS. It must meet "
                              "every rule of the Password Policy below.")
                         : tr("Choose a new password for CQRS. It must meet every rule of the "
                              "Password Policy below."));
    m_submit->setText(registering ? tr("&Register") : tr("Se&t new password"));
    m_userId->setText(owner.userId);
    m_name->setText(owner.displayName);
    m_form->clear();
    m_form->setPolicy(registering ? policy.forFirstPassword() : policy, owner);
    m_feedback->stop();
    m_feedback->clearStatus();
    m_form->setFocus();
}

void SecurityInformationPage::showRefusal(const QString &message, const QStringList &violations)
{
    m_form->checklist()->showServerViolations(violations);
    m_feedback->showError(message);
    m_form->setFocus();
}

void SecurityInformationPage::submit()
{
    if (m_form->isAcceptable() && !m_feedback->isBusy())
        emit submitted(m_form->password());
}

void SecurityInformationPage::updateSubmit()
{
    m_submit->setEnabled(!m_feedback->isBusy() && m_form->isAcceptable());
}

bool SecurityInformationPage::hasTypedPassword() const
{
    return !m_form->passwordField()->text().isEmpty()
        || !m_form->confirmationField()->text().isEmpty();
}

} // namespace cqrs::ui
