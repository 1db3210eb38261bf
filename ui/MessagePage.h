#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace cqrs::ui {

class HelpContacts;
class RequestFeedback;

// A screen that only tells the person something: "Checking your link…" while a request runs,
// or why a link cannot be used and who can help. Its one button leads to the sign-in screen.
class MessagePage : public QWidget
{
    Q_OBJECT

public:
    explicit MessagePage(QWidget *parent = nullptr);

    void showBusy(const QString &title, const QString &whatIsHappening);
    void showProblem(const QString &title, const QString &message);

    // Busy bar with Cancel, status line, input lock; its Cancel is this page's cancelRequested.
    RequestFeedback *feedback() const { return m_feedback; }

signals:
    void cancelRequested();
    void signInRequested();

private:
    QLabel *m_title;
    QLabel *m_message;
    RequestFeedback *m_feedback;
    HelpContacts *m_help;
    QPushButton *m_signIn;
};

} // namespace cqrs::ui
