#include "ui/RequestFeedback.h"

#include "ui/BusyIndicator.h"
#include "ui/ScrollToFocus.h"
#include "ui/StatusMessage.h"

#include <QApplication>
#include <QVBoxLayout>

#include <algorithm>

namespace cqrs::ui {

RequestFeedback::RequestFeedback(QWidget *parent)
    : QWidget(parent)
    , m_status(new StatusMessage(this))
    , m_busy(new BusyIndicator(this))
{
    setObjectName(QStringLiteral("requestFeedback"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_status);
    layout->addWidget(m_busy);
    connect(m_busy, &BusyIndicator::cancelRequested, this, &RequestFeedback::cancelRequested);
}

void RequestFeedback::lockWhileBusy(std::initializer_list<QWidget *> inputs)
{
    m_inputs.append(inputs);
}

void RequestFeedback::showBusy(const QString &whatIsHappening)
{
    m_status->clear();
    m_retryNoticeShown = false;
    m_busy->start(whatIsHappening);
    setBusy(true);
}

void RequestFeedback::showRetrying(int seconds)
{
    m_retryNoticeShown = true;
    m_status->showInfo(
        // Said of the connection, not the server: it may be the proxy that is down.
        seconds == 1 ? tr("The connection to the CQRS server is not working at the moment. "
                          "Trying again in 1 second; you can Cancel and try later.")
                     : tr("The connection to the CQRS server is not working at the moment. "
                          "Trying again in %1 seconds; you can Cancel and try later.")
                           .arg(seconds));
}

void RequestFeedback::showError(const QString &message)
{
    stop();
    m_status->showError(message);
    // At 200 % it may be below the fold: a refusal no one sees looks like nothing happened.
    scrollIntoView(this);
}

void RequestFeedback::showInfo(const QString &message)
{
    stop();
    m_status->showInfo(message);
}

void RequestFeedback::stop()
{
    if (m_retryNoticeShown)
        m_status->clear();
    m_retryNoticeShown = false;
    m_busy->stop();
    setBusy(false);
}

void RequestFeedback::clearStatus()
{
    m_status->clear();
}

bool RequestFeedback::isBusy() const
{
    return m_busy->isBusy();
}

void RequestFeedback::setBusy(bool busy)
{
    QWidget *focused = QApplication::focusWidget();
    if (busy && focused && window()->isAncestorOf(focused) && !m_busy->isAncestorOf(focused)) {
        m_focusBeforeBusy = focused;
        // Disabling the focused field would move focus on, to Cancel or the header's Need help?,
        // where a second Enter would cancel the request just sent or open Help.
        if (std::any_of(m_inputs.cbegin(), m_inputs.cend(), [focused](const QWidget *input) {
                return input == focused || input->isAncestorOf(focused);
            }))
            m_busy->takeFocus();
    }
    for (QWidget *input : std::as_const(m_inputs))
        input->setEnabled(!busy);
    // Focus goes back where the person was, so that Enter tries again after a problem.
    if (!busy && m_focusBeforeBusy) {
        if (m_focusBeforeBusy->isEnabled() && m_focusBeforeBusy->isVisible())
            m_focusBeforeBusy->setFocus();
        m_focusBeforeBusy = nullptr;
    }
    emit busyChanged(busy);
}

} // namespace cqrs::ui
