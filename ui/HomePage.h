#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace cqrs::ui {

class RequestFeedback;

// Who is signed in, and the two things they can do here: change their password, sign out.
class HomePage : public QWidget
{
    Q_OBJECT

public:
    struct Person
    {
        QString displayName;
        QString userId;
        QString organisation;
        QString role;
    };

    explicit HomePage(QWidget *parent = nullptr);

    void showPerson(const Person &person);
    // A standing remark that outlasts the status line, e.g. that the sign-in will not be
    // remembered; empty hides it.
    void setNotice(const QString &text);

    // Busy bar with Cancel, status line, input lock; its Cancel is this page's cancelRequested.
    RequestFeedback *feedback() const { return m_feedback; }

signals:
    void signOutRequested();
    void changePasswordRequested();
    void cancelRequested();

private:
    QLabel *m_welcome;
    QLabel *m_name;
    QLabel *m_userId;
    QLabel *m_organisation;
    QLabel *m_role;
    QPushButton *m_changePassword;
    QPushButton *m_signOut;
    RequestFeedback *m_feedback;
    QLabel *m_notice;
};

} // namespace cqrs::ui
