#include "ui/IdleWarningDialog.h"

#include <QAccessible>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cqrs::ui {

IdleWarningDialog::IdleWarningDialog(QWidget *parent)
    : QDialog(parent)
    , m_message(new QLabel(tr("CQRS Desktop has not been used for a while. To keep this shared "
                              "computer safe, you will be signed out in 1 minute. Select Stay "
                              "signed in to carry on."),
                           this))
    , m_stay(new QPushButton(tr("&Stay signed in"), this))
{
    setObjectName(QStringLiteral("idleWarningDialog"));
    setWindowTitle(tr("You will be signed out soon"));
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    m_message->setObjectName(QStringLiteral("idleWarningMessage"));
    m_message->setWordWrap(true);
    m_stay->setObjectName(QStringLiteral("staySignedIn"));
    m_stay->setDefault(true);
    m_stay->setAccessibleDescription(m_message->text());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_stay, 0, Qt::AlignRight);
    connect(m_stay, &QPushButton::clicked, this, [this] {
        emit staySignedInRequested();
        accept();
    });
    // Closing the warning by Esc or the title bar is choosing to carry on too.
    connect(this, &QDialog::rejected, this, &IdleWarningDialog::staySignedInRequested);
}

void IdleWarningDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    m_stay->setFocus();
    // The alert event is what QMessageBox sends: screen readers read the dialog out at once.
    QAccessibleEvent alert(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

} // namespace cqrs::ui
