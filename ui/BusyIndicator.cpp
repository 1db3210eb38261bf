#include "ui/BusyIndicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace cqrs::ui {

BusyIndicator::BusyIndicator(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("busyIndicator"));
    m_bar->setRange(0, 0);
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(120);
    m_bar->setAccessibleName(tr("Working"));
    m_label->setWordWrap(true);
    // Not a Tab stop, but where focus waits while the request runs (see takeFocus()), drawn
    // focused by the style like any control.
    m_bar->setFocusPolicy(Qt::ClickFocus);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, &BusyIndicator::cancelRequested);
    hide();
}

void BusyIndicator::start(const QString &whatIsHappening)
{
    m_label->setText(whatIsHappening);
    m_bar->setAccessibleDescription(whatIsHappening);
    show();
}

void BusyIndicator::takeFocus()
{
    m_bar->setFocus(Qt::OtherFocusReason);
}

void BusyIndicator::stop()
{
    hide();
}

} // namespace cqrs::ui
