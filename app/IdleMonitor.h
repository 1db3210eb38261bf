#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace cqrs::app {

// How long the person has left the app alone, for IT's IdleSignOutMinutes on shared computers:
// any key, click, wheel or touch in any of the app's windows counts as use. Once started, it
// says when a minute is left (warning) and when the time is up (timedOut), then stops.
// The clock is injectable so a test can pass minutes without waiting for them.
class IdleMonitor : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<std::chrono::milliseconds()>;
    static constexpr std::chrono::minutes WarningAhead {1};

    explicit IdleMonitor(std::chrono::minutes limit, Clock clock = steadyClock(),
                         QObject *parent = nullptr);
    ~IdleMonitor() override;

    static Clock steadyClock();

    std::chrono::minutes limit() const { return m_limit; }
    // How often the clock is read; tests with an injected clock make it short.
    void setCheckInterval(std::chrono::milliseconds interval);

    // While signed in.
    void start();
    void stop();
    // Use that is not an input event reaching the app, such as "Stay signed in".
    void noteActivity();

signals:
    void warning();
    // Used again after a warning: the warning can go.
    void resumed();
    void timedOut();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void check();

    std::chrono::minutes m_limit;
    Clock m_clock;
    QTimer m_timer;
    std::chrono::milliseconds m_lastUse {};
    bool m_warned = false;
};

} // namespace cqrs::app
