#include "ui/SignInPage.h"

#include "ui/PageTitle.h"
#include "ui/ReadingOrder.h"
#include "ui/RequestFeedback.h"
#include "ui/SecretField.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace cqrs::ui {

SignInPage::SignInPage(QWidget *parent)
    : QWidget(parent)
    , m_userId(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember my User ID on this computer"), this))
    , m_signIn(new QPushButton(tr("&Sign in"), this))
    , m_forgotten(new QPushButton(tr("&Forgotten your password?"), this))
    , m_sso(new QPushButton(tr("Sign in with &NHSmail"), this))
    , m_feedback(new RequestFeedback(this))
{
    setObjectName(QStringLiteral("sign-in"));
    setWindowTitle(tr("Sign in"));
    m_userId->setObjectName(QStringLiteral("userId"));
    m_password->setObjectName(QStringLiteral("password"));
    m_remember->setObjectName(QStringLiteral("rememberUserId"));
    m_signIn->setObjectName(QStringLiteral("signIn"));
    m_forgotten->setObjectName(QStringLiteral("forgottenPassword"));
    m_sso->setObjectName(QStringLiteral("signInWithNhsmail"));
    m_password->setEchoMode(QLineEdit::Password);
    keepSecretFromAssistiveTechnology(m_password);
    m_userId->setAccessibleName(tr("User ID"));
    m_password->setAccessibleName(tr("Password"));
    m_signIn->setDefault(true);
    m_forgotten->setFlat(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&User ID"), m_userId);
    form->addRow(tr("&Password"), m_password);
    form->addRow(QString(), m_remember);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_signIn);
    buttons->addWidget(m_forgotten);
    buttons->addStretch(1);

    m_ssoSection = new QWidget(this);
    auto *divider = new QFrame(m_ssoSection);
    divider->setFrameShape(QFrame::HLine);
    auto *ssoIntro = new QLabel(tr("If you have an NHSmail account (ending in nhs.net) you can "
                                   "use it instead:"),
                                m_ssoSection);
    ssoIntro->setWordWrap(true);
    m_sso->setParent(m_ssoSection);
    auto *ssoLayout = new QVBoxLayout(m_ssoSection);
    ssoLayout->setContentsMargins(0, 0, 0, 0);
    ssoLayout->addWidget(divider);
    ssoLayout->addWidget(ssoIntro);
    ssoLayout->addWidget(m_sso, 0, Qt::AlignLeft);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(makePageTitle(this, tr("Sign in to CQRS")));
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_feedback);
    layout->addWidget(m_ssoSection);
    layout->addStretch(1);

    connect(m_signIn, &QPushButton::clicked, this, &SignInPage::submit);
    connect(m_userId, &QLineEdit::returnPressed, this, &SignInPage::submit);
    connect(m_password, &QLineEdit::returnPressed, this, &SignInPage::submit);
    connect(m_forgotten, &QPushButton::clicked, this, &SignInPage::requestReset);
    connect(m_sso, &QPushButton::clicked, this, &SignInPage::requestSso);
    connect(m_feedback, &RequestFeedback::cancelRequested, this, &SignInPage::cancelRequested);
    m_feedback->lockWhileBusy({m_userId, m_password, m_remember, m_signIn, m_forgotten, m_sso});
    setTabOrder(m_userId, m_password);
    setTabOrder(m_password, m_remember);
    setTabOrder(m_remember, m_signIn);
    setTabOrder(m_signIn, m_forgotten);
    setTabOrder(m_forgotten, m_sso);
    setFocusProxy(m_userId);
    readInLayoutOrder(this);
}

void SignInPage::prepare(const QString &rememberedUserId)
{
    m_userId->setText(rememberedUserId);
    m_remember->setChecked(!rememberedUserId.isEmpty());
    m_password->clear();
    m_feedback->stop();
    (rememberedUserId.isEmpty() ? m_userId : m_password)->setFocus();
}

void SignInPage::setRememberUserIdOffered(bool offered)
{
    m_remember->setVisible(offered);
    if (!offered)
        m_remember->setChecked(false);
}

void SignInPage::setSsoAvailable(bool available, const QString &unavailableReason)
{
    m_ssoAvailable = available;
    m_ssoUnavailableReason = unavailableReason;
}

void SignInPage::setSsoShown(bool shown)
{
    m_ssoSection->setVisible(shown);
}

void SignInPage::offerUserId(const QString &userId)
{
    m_userId->setText(userId);
    m_password->setFocus();
}

void SignInPage::clearPassword()
{
    m_password->clear();
}

void SignInPage::submit()
{
    if (m_feedback->isBusy())
        return;
    const QString userId = m_userId->text().trimmed();
    if (userId.isEmpty() || m_password->text().isEmpty()) {
        m_feedback->showError(tr("Enter your User ID and password."));
        (userId.isEmpty() ? m_userId : m_password)->setFocus();
        return;
    }
    emit signInRequested(userId, m_password->text(), m_remember->isChecked());
}

void SignInPage::requestReset()
{
    const QString userId = m_userId->text().trimmed();
    if (userId.isEmpty()) {
        m_feedback->showError(tr("Enter your User ID first, then choose \"Forgotten your "
                                 "password?\" again."));
        m_userId->setFocus();
        return;
    }
    emit forgottenPasswordRequested(userId);
}

void SignInPage::requestSso()
{
    if (!m_ssoAvailable) {
        m_feedback->showError(m_ssoUnavailableReason);
        return;
    }
    emit ssoRequested();
}

} // namespace cqrs::ui
