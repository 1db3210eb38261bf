#pragma once

#include <QPointer>
#include <QWidget>

#include <initializer_list>

namespace cqrs::ui {

class BusyIndicator;
class StatusMessage;

// What every screen shows about the request it sent: a busy bar with Cancel while the server
// works, then one status line saying what happened, and the screen's input locked in between so
// nothing is sent twice. Screens hand it the widgets to lock; a widget whose enabled state has a
// rule of its own (Submit only when the checklist passes) follows busyChanged instead.
class RequestFeedback : public QWidget
{
    Q_OBJECT

public:
    explicit RequestFeedback(QWidget *parent = nullptr);

    void lockWhileBusy(std::initializer_list<QWidget *> inputs);

    void showBusy(const QString &whatIsHappening);
    // Still busy: the server could not be reached and is asked again in `seconds`. The notice
    // goes when the request ends.
    void showRetrying(int seconds);
    void showError(const QString &message);
    void showInfo(const QString &message);
    // The request ended with nothing to say.
    void stop();
    // Hides the status line; the busy bar is left as it is.
    void clearStatus();
    bool isBusy() const;

signals:
    void cancelRequested();
    void busyChanged(bool busy);

private:
    void setBusy(bool busy);

    StatusMessage *m_status;
    BusyIndicator *m_busy;
    QList<QWidget *> m_inputs;
    QPointer<QWidget> m_focusBeforeBusy;
    bool m_retryNoticeShown = false;
};

} // namespace cqrs::ui
