#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace cqrs::ui {

class BusyIndicator;
class StatusMessage;

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
    void showBusy(const QString &whatIsHappening);
    void stopBusy();
    void showError(const QString &message);
    void showInfo(const QString &message);
    // A standing remark that outlasts the status line, e.g. that the sign-in will not be
    // remembered; empty hides it.
    void setNotice(const QString &text);

    QLabel *nameLabel() const { return m_name; }
    QLabel *userIdLabel() const { return m_userId; }
    QLabel *organisationLabel() const { return m_organisation; }
    QLabel *roleLabel() const { return m_role; }
    QPushButton *signOutButton() const { return m_signOut; }
    QPushButton *changePasswordButton() const { return m_changePassword; }
    StatusMessage *status() const { return m_status; }
    QLabel *notice() const { return m_notice; }

signals:
    void signOutRequested();
    void changePasswordRequested();
    void cancelRequested();

private:
    void setInputEnabled(bool enabled);

    QLabel *m_welcome;
    QLabel *m_name;
    QLabel *m_userId;
    QLabel *m_organisation;
    QLabel *m_role;
    QPushButton *m_changePassword;
    QPushButton *m_signOut;
    BusyIndicator *m_busy;
    StatusMessage *m_status;
    QLabel *m_notice;
};

} // namespace cqrs::ui
