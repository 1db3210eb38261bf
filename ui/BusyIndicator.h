#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace cqrs::ui {

// "Working…" with a moving bar and a Cancel button, shown while a request is in flight, so a
// slow server never leaves the person staring at a frozen form.
class BusyIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit BusyIndicator(QWidget *parent = nullptr);

    void start(const QString &whatIsHappening);
    // Focus waits on what is happening, where Enter or Space does nothing and the next Tab is
    // Cancel: a second Enter of a double press must not cancel the request it just sent.
    void takeFocus();
    void stop();
    bool isBusy() const { return !isHidden(); }

signals:
    void cancelRequested();

private:
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
};

} // namespace cqrs::ui
