#pragma once

#include <QMainWindow>

class QPushButton;
class QStackedWidget;

namespace cqrs::ui {

class HomePage;
class MessagePage;
class SecurityInformationPage;
class SignInPage;

// The one window: a stack of screens and, under every one of them, "Need help?".
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

    SignInPage *signInPage() const { return m_signIn; }
    SecurityInformationPage *securityInformationPage() const { return m_securityInformation; }
    HomePage *homePage() const { return m_home; }
    MessagePage *messagePage() const { return m_message; }

    void showScreen(QWidget *page);
    QWidget *currentScreen() const;
    // The current screen's stable name ("sign-in", "security-information", "home", "message").
    QString currentScreenName() const;
    // Raise and activate, e.g. when a second launch hands over a link.
    void bringToFront();

private:
    QStackedWidget *m_stack;
    SignInPage *m_signIn;
    SecurityInformationPage *m_securityInformation;
    HomePage *m_home;
    MessagePage *m_message;
    QPushButton *m_needHelp;
};

} // namespace cqrs::ui
