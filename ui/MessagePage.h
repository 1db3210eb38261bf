#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace cqrs::ui {

class BusyIndicator;
class HelpContacts;

// A screen that only tells the person something: "Checking your link…" while a request runs,
// or why a link cannot be used and who can help. Its one button leads to the sign-in screen.
class MessagePage : public QWidget
{
    Q_OBJECT

public:
    explicit MessagePage(QWidget *parent = nullptr);

    void showBusy(const QString &title, const QString &whatIsHappening);
    void showProblem(const QString &title, const QString &message);

    QLabel *titleLabel() const { return m_title; }
    QLabel *messageLabel() const { return m_message; }
    BusyIndicator *busyIndicator() const { return m_busy; }
    QPushButton *signInButton() const { return m_signIn; }

signals:
    void cancelRequested();
    void signInRequested();

private:
    QLabel *m_title;
    QLabel *m_message;
    BusyIndicator *m_busy;
    HelpContacts *m_help;
    QPushButton *m_signIn;
};

} // namespace cqrs::ui
