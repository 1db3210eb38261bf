#include "app/IdleMonitor.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>

namespace cqrs::app {

namespace {

// Deliberate input only: a window repainting or gaining focus by itself is not use.
bool isInput(QEvent::Type type)
{
    switch (type) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
        return true;
    default:
        return false;
    }
}

} // namespace

IdleMonitor::IdleMonitor(std::chrono::minutes limit, Clock clock, QObject *parent)
    : QObject(parent)
    , m_limit(limit)
    , m_clock(std::move(clock))
{
    m_timer.setInterval(std::chrono::seconds(1));
    connect(&m_timer, &QTimer::timeout, this, &IdleMonitor::check);
}

IdleMonitor::~IdleMonitor()
{
    stop();
}

IdleMonitor::Clock IdleMonitor::steadyClock()
{
    return [] {
        QElapsedTimer timer;
        timer.start();
        return std::chrono::milliseconds(timer.msecsSinceReference());
    };
}

void IdleMonitor::setCheckInterval(std::chrono::milliseconds interval)
{
    m_timer.setInterval(interval);
}

void IdleMonitor::start()
{
    m_lastUse = m_clock();
    m_warned = false;
    if (!m_timer.isActive())
        QCoreApplication::instance()->installEventFilter(this);
    m_timer.start();
}

void IdleMonitor::stop()
{
    if (m_timer.isActive() && QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
    m_timer.stop();
}

void IdleMonitor::noteActivity()
{
    m_lastUse = m_clock();
    if (m_warned) {
        m_warned = false;
        emit resumed();
    }
}

bool IdleMonitor::eventFilter(QObject *watched, QEvent *event)
{
    if (isInput(event->type()))
        noteActivity();
    return QObject::eventFilter(watched, event);
}

void IdleMonitor::check()
{
    const auto idle = m_clock() - m_lastUse;
    if (idle >= m_limit) {
        stop();
        m_warned = false;
        emit timedOut();
    } else if (!m_warned && idle >= m_limit - WarningAhead) {
        m_warned = true;
        emit warning();
    }
}

} // namespace cqrs::app
