#include "ui/MessagePage.h"

#include "ui/HelpContacts.h"
#include "ui/PageTitle.h"
#include "ui/ReadingOrder.h"
#include "ui/RequestFeedback.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cqrs::ui {

MessagePage::MessagePage(QWidget *parent)
    : QWidget(parent)
    , m_title(makePageTitle(this))
    , m_message(new QLabel(this))
    , m_feedback(new RequestFeedback(this))
    , m_help(new HelpContacts(this))
    , m_retry(new QPushButton(tr("&Try again"), this))
    , m_signIn(new QPushButton(tr("Go to sign in"), this))
{
    setObjectName(QStringLiteral("message"));
    m_message->setObjectName(QStringLiteral("messageText"));
    m_message->setWordWrap(true);
    // Messages can quote the server's words; never read them as markup.
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_signIn->setObjectName(QStringLiteral("goToSignIn"));
    m_retry->setObjectName(QStringLiteral("tryAgain"));
    m_retry->setDefault(true);
    m_retry->hide();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_retry);
    buttons->addWidget(m_signIn);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(m_feedback);
    layout->addWidget(m_help);
    layout->addLayout(buttons);
    layout->addStretch(1);
    connect(m_feedback, &RequestFeedback::cancelRequested, this, &MessagePage::cancelRequested);
    connect(m_signIn, &QPushButton::clicked, this, &MessagePage::signInRequested);
    connect(m_retry, &QPushButton::clicked, this, &MessagePage::retryRequested);
    readInLayoutOrder(this);
}

void MessagePage::showBusy(const QString &title, const QString &whatIsHappening)
{
    m_title->setText(title);
    setWindowTitle(title);
    m_message->clear();
    m_feedback->showBusy(whatIsHappening);
    m_help->hide();
    m_retry->hide();
    m_signIn->hide();
}

void MessagePage::showProblem(const QString &title, const QString &message, Retry retry)
{
    m_title->setText(title);
    setWindowTitle(title);
    m_message->setText(message);
    m_message->setAccessibleDescription(message);
    m_feedback->stop();
    m_help->show();
    m_retry->setVisible(retry == Retry::Offered);
    m_signIn->show();
    (retry == Retry::Offered ? m_retry : m_signIn)->setFocus();
    QAccessibleEvent alert(m_message, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

} // namespace cqrs::ui
