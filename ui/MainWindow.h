#pragma once

#include <QMainWindow>

class QLabel;
class QPushButton;
class QScrollArea;
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

    // Each screen is made the first time it is asked for: the first window shows sooner when it
    // builds, styles and lays out only the screen it shows.
    SignInPage *signInPage();
    SecurityInformationPage *securityInformationPage();
    HomePage *homePage();
    MessagePage *messagePage();

    void showScreen(QWidget *page);
    QWidget *currentScreen() const;
    // The current screen's stable name ("sign-in", "security-information", "home", "message").
    QString currentScreenName() const;
    // Raise and activate, e.g. when a second launch hands over a link.
    void bringToFront();
    // Where the person left the window last time, else centred at a size that fits every
    // screen without scrolling (as far as the screen allows), measured once per font.
    void restorePlacement();
    // Centred, at a size that fits the tallest screen (Security Information) if the screen can.
    void fitToScreen();

signals:
    // Once, just after the window first appeared on screen: the moment for work the first
    // window does not need, so that it shows sooner.
    void firstShown();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *makeHeader();
    QWidget *makeContent();
    void showTitleOf(QWidget *page);
    // The smallest width shows every screen made so far without sideways scrolling.
    void keepScreensWidth();
    template<typename Page> Page *lazyScreen(Page *&made);
    // The size at which every screen fits without scrolling, whatever the screen's size.
    QSize fittingSize();
    // At `wanted` as far as the screen allows, centred on it.
    void placeCentred(QSize wanted);

    QStackedWidget *m_stack;
    SignInPage *m_signIn = nullptr;
    SecurityInformationPage *m_securityInformation = nullptr;
    HomePage *m_home = nullptr;
    MessagePage *m_message = nullptr;
    QLabel *m_screenTitle;
    QLabel *m_helpLine;
    QPushButton *m_needHelp;
    QWidget *m_card = nullptr;
    QScrollArea *m_scroll = nullptr;
    bool m_watchingFirstExposure = false;
};

} // namespace cqrs::ui
