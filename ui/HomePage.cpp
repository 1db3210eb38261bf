#include "ui/HomePage.h"

#include "ui/PageTitle.h"
#include "ui/ReadingOrder.h"
#include "ui/RequestFeedback.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cqrs::ui {

HomePage::HomePage(QWidget *parent)
    : QWidget(parent)
    , m_welcome(makePageTitle(this))
    , m_name(new QLabel(this))
    , m_userId(new QLabel(this))
    , m_organisation(new QLabel(this))
    , m_role(new QLabel(this))
    , m_changePassword(new QPushButton(tr("&Change password"), this))
    , m_signOut(new QPushButton(tr("Sign &out"), this))
    , m_feedback(new RequestFeedback(this))
    , m_notice(new QLabel(this))
{
    setObjectName(QStringLiteral("home"));
    setWindowTitle(tr("Signed in"));
    m_name->setObjectName(QStringLiteral("displayName"));
    m_userId->setObjectName(QStringLiteral("userId"));
    m_organisation->setObjectName(QStringLiteral("organisation"));
    m_role->setObjectName(QStringLiteral("role"));
    m_changePassword->setObjectName(QStringLiteral("changePassword"));
    m_signOut->setObjectName(QStringLiteral("signOut"));
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->hide();

    auto *details = new QFormLayout;
    details->addRow(tr("Name:"), m_name);
    details->addRow(tr("User ID:"), m_userId);
    details->addRow(tr("Organisation:"), m_organisation);
    details->addRow(tr("Role:"), m_role);
    // Server data, shown exactly as given, never read as markup.
    for (QLabel *label : {m_name, m_userId, m_organisation, m_role}) {
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_changePassword);
    buttons->addWidget(m_signOut);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_welcome);
    layout->addWidget(new QLabel(tr("You are signed in to CQRS as:"), this));
    layout->addLayout(details);
    layout->addLayout(buttons);
    layout->addWidget(m_feedback);
    layout->addWidget(m_notice);
    layout->addStretch(1);

    connect(m_signOut, &QPushButton::clicked, this, &HomePage::signOutRequested);
    connect(m_changePassword, &QPushButton::clicked, this, &HomePage::changePasswordRequested);
    connect(m_feedback, &RequestFeedback::cancelRequested, this, &HomePage::cancelRequested);
    m_feedback->lockWhileBusy({m_changePassword, m_signOut});
    setFocusProxy(m_changePassword);
    readInLayoutOrder(this);
}

void HomePage::showPerson(const Person &person)
{
    m_welcome->setText(tr("Welcome, %1").arg(person.displayName));
    m_name->setText(person.displayName);
    m_userId->setText(person.userId);
    m_organisation->setText(person.organisation.isEmpty() ? tr("Not recorded")
                                                          : person.organisation);
    m_role->setText(person.role.isEmpty() ? tr("Not recorded") : person.role);
    m_feedback->stop();
    m_feedback->clearStatus();
}

void HomePage::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

} // namespace cqrs::ui
