#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace cqrs::ui {

class HelpContacts;
class RequestFeedback;

// A screen that only tells the person something: "Checking your link…" while a request runs,
// or why a link cannot be used and who can help. Its button leads to the sign-in screen; for a
// problem that may pass (the server away), "Try again" comes first.
class MessagePage : public QWidget
{
    Q_OBJECT

public:
    explicit MessagePage(QWidget *parent = nullptr);

    void showBusy(const QString &title, const QString &whatIsHappening);
    enum class Retry { Offered, NotOffered };
    void showProblem(const QString &title, const QString &message, Retry retry = Retry::NotOffered);

    // Busy bar with Cancel, status line, input lock; its Cancel is this page's cancelRequested.
    RequestFeedback *feedback() const { return m_feedback; }

signals:
    void cancelRequested();
    void signInRequested();
    void retryRequested();

private:
    QLabel *m_title;
    QLabel *m_message;
    RequestFeedback *m_feedback;
    HelpContacts *m_help;
    QPushButton *m_retry;
    QPushButton *m_signIn;
};

} // namespace cqrs::ui
