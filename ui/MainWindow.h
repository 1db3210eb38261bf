#pragma once

#include <QMainWindow>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace cqrs::ui {

class HomePage;
class MessagePage;
class SecurityInformationPage;
class SignInPage;

// The one window: a blue header band with "CQRS", the screen's name and "Need help?"; the
// current screen in a centred card; and under it the service desk's phone and email as text.
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
    // Where the person left the window last time, else centred at a size that fits every
    // screen without scrolling (as far as the screen allows).
    void restorePlacement();
    // Centred, at a size that fits the tallest screen (Security Information) if the screen can.
    void fitToScreen();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *makeHeader();
    QWidget *makeContent();
    void showTitleOf(QWidget *page);

    QStackedWidget *m_stack;
    SignInPage *m_signIn;
    SecurityInformationPage *m_securityInformation;
    HomePage *m_home;
    MessagePage *m_message;
    QLabel *m_screenTitle;
    QPushButton *m_needHelp;
    QWidget *m_card = nullptr;
};

} // namespace cqrs::ui
