#include "tests/support/FindWidget.h"
#include "ui/HomePage.h"
#include "ui/MainWindow.h"
#include "ui/MessagePage.h"
#include "ui/RequestFeedback.h"
#include "ui/SecurityInformationPage.h"
#include "ui/SignInPage.h"

#include <QApplication>
#include <QLabel>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>

using cqrs::ui::HomePage;
using cqrs::ui::MainWindow;
using cqrs::ui::MessagePage;
using cqrs::ui::SecurityInformationPage;
using cqrs::ui::SignInPage;

// Shows `window` at its smallest, short enough for Security Information to scroll as at 200 % on
// a laptop; its scrolling area, or null if it does not scroll.
const QScrollArea *showScrolling(MainWindow &window)
{
    window.show();
    window.resize(window.minimumSize());
    if (!QTest::qWaitForWindowExposed(&window))
        return nullptr;
    window.activateWindow();
    const auto *scroll = window.findChild<QScrollArea *>(QStringLiteral("content"));
    const bool scrolls
        = QTest::qWaitFor([scroll] { return scroll->verticalScrollBar()->maximum() > 0; });
    return scrolls ? scroll : nullptr;
}

// `widget` is wholly within the scrolling area's view, from top to bottom.
bool inSight(const QScrollArea *scroll, const QWidget *widget)
{
    const int top = widget->mapTo(scroll->viewport(), QPoint(0, 0)).y();
    return top >= 0 && top + widget->height() <= scroll->viewport()->height();
}

// What MainWindow allows for the title bar and borders before the window manager has said.
int titleBarGuess(const QWidget &window)
{
    return window.style()->pixelMetric(QStyle::PM_TitleBarHeight, nullptr, &window)
        + 2 * window.style()->pixelMetric(QStyle::PM_DefaultFrameWidth);
}

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensCentredWithSecurityInformationUnscrolled();
    void remembersWhereThePersonLeftIt();
    void headerNamesTheScreenAndOffersHelp();
    void firstWindowCarriesOnlyItsScreen();
    void keepsItsFittedSizeAtOnce();
    void helpLineCanBeSelectedWithTheMouse();
    void tabStopsAreControlsAndScreensStartAtTheTop();
    void enterPressesTheFocusedButtonOrTheScreensMainOne();
    void noScreenScrollsSidewaysAtTheSmallestSize();
    void aRefusalIsInSightBesideTheFieldToFix();
};

void TestMainWindow::initTestCase()
{
    // The window keeps its geometry in the user's settings; keep the test's own.
    QCoreApplication::setOrganizationName(QStringLiteral("cqrs-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QSettings().clear();
}

void TestMainWindow::opensCentredWithSecurityInformationUnscrolled()
{
    MainWindow window;
    window.showScreen(window.securityInformationPage());
    window.restorePlacement();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QRect available = window.screen()->availableGeometry();
    const QPoint offCentre = window.frameGeometry().center() - available.center();
    // Placed before it has a frame, so centred with room for the title bar the style expects
    // (this test's platform draws none), to within a frame's width.
    const int titleBar = titleBarGuess(window);
    QVERIFY2(qAbs(offCentre.x()) <= 8 && qAbs(offCentre.y() + titleBar / 2) <= 8,
             qPrintable(QStringLiteral("%1, %2").arg(offCentre.x()).arg(offCentre.y())));
    QVERIFY(window.height() < available.height());
    const auto *scroll = window.findChild<QScrollArea *>(QStringLiteral("content"));
    QVERIFY(scroll);
    QTRY_COMPARE(scroll->verticalScrollBar()->maximum(), 0);
}

void TestMainWindow::remembersWhereThePersonLeftIt()
{
    QRect left;
    {
        MainWindow window;
        window.restorePlacement();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setGeometry(window.geometry().adjusted(10, 20, 30, 40));
        left = window.geometry();
        window.close();
    }
    MainWindow again;
    again.restorePlacement();
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.geometry(), left);
}

void TestMainWindow::headerNamesTheScreenAndOffersHelp()
{
    MainWindow window;
    window.showScreen(window.securityInformationPage());
    QCOMPARE(label(&window, "screenTitle")->text(), QStringLiteral("Security Information"));
    QVERIFY(button(&window, "needHelp")->isVisibleTo(&window));
    QVERIFY(label(&window, "helpLine")->text().contains(QStringLiteral("0330 124 4039")));
    QVERIFY(label(&window, "helpLine")->text().contains(QStringLiteral("support@cqrs.co.uk")));
}

void TestMainWindow::firstWindowCarriesOnlyItsScreen()
{
    // The first window builds, styles and lays out the sign-in screen only; fitting it to the
    // tallest screen measures a stand-in for Security Information that does not stay.
    QSettings().clear();
    MainWindow window;
    window.showScreen(window.signInPage());
    window.restorePlacement();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.findChildren<SecurityInformationPage *>().size(), 0);
    QCOMPARE(window.findChildren<HomePage *>().size(), 0);
    QCOMPARE(window.findChildren<MessagePage *>().size(), 0);
    QCOMPARE(window.currentScreenName(), QStringLiteral("sign-in"));

    // Made when first asked for, once, and then shown in the window as any screen is.
    SecurityInformationPage *security = window.securityInformationPage();
    QCOMPARE(window.securityInformationPage(), security);
    window.showScreen(security);
    QCOMPARE(window.findChildren<SecurityInformationPage *>().size(), 1);
    QCOMPARE(window.currentScreenName(), QStringLiteral("security-information"));
    QCOMPARE(label(&window, "screenTitle")->text(), QStringLiteral("Security Information"));
    const auto *scroll = window.findChild<QScrollArea *>(QStringLiteral("content"));
    QTRY_COMPARE(scroll->verticalScrollBar()->maximum(), 0);
}

void TestMainWindow::keepsItsFittedSizeAtOnce()
{
    // A first start that never closes its window (a crash, a shutdown) still spares the next
    // start measuring the screens: it opens at the same size, centred.
    QSettings().clear();
    QRect fitted;
    {
        MainWindow window;
        window.showScreen(window.signInPage());
        window.restorePlacement();
        fitted = window.geometry();
    }
    MainWindow again;
    again.showScreen(again.signInPage());
    again.restorePlacement();
    QCOMPARE(again.geometry(), fitted);
    QCOMPARE(again.findChildren<SecurityInformationPage *>().size(), 0);

    // A different font (a person's larger text setting) is measured afresh.
    MainWindow larger;
    QFont font = larger.font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    larger.setFont(font);
    larger.showScreen(larger.signInPage());
    larger.restorePlacement();
    QVERIFY2(larger.height() > fitted.height()
                 || larger.height()
                     == larger.screen()->availableGeometry().height() - titleBarGuess(larger),
             qPrintable(QStringLiteral("%1 vs %2").arg(larger.height()).arg(fitted.height())));
}

void TestMainWindow::tabStopsAreControlsAndScreensStartAtTheTop()
{
    MainWindow window;
    window.showScreen(window.securityInformationPage());
    const QScrollArea *scroll = showScrolling(window);
    QVERIFY(scroll);

    // Round the whole window by Tab: every stop is a control, never the scrolling area.
    QWidget *first = window.findChild<QWidget *>(QStringLiteral("needHelp"));
    first->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), first);
    for (int stop = 0; stop < 20; ++stop) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *focused = QApplication::focusWidget();
        QVERIFY(focused);
        QVERIFY2(!qobject_cast<QAbstractScrollArea *>(focused), qPrintable(focused->objectName()));
        // And on screen, also when Tab comes into the screen from the header.
        if (scroll->widget()->isAncestorOf(focused))
            QVERIFY2(inSight(scroll, focused), qPrintable(focused->objectName()));
    }

    // Scrolled to its foot, then another screen: that one starts at its title.
    scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
    window.showScreen(window.messagePage());
    QCOMPARE(scroll->verticalScrollBar()->value(), 0);
}

void TestMainWindow::enterPressesTheFocusedButtonOrTheScreensMainOne()
{
    MainWindow window;
    SignInPage *page = window.signInPage();
    window.showScreen(page);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy signIns(page, &SignInPage::signInRequested);
    QSignalSpy resets(page, &SignInPage::forgottenPasswordRequested);
    QTest::keyClicks(field(page, "userId"), QStringLiteral("jsmith01"));
    QTest::keyClicks(field(page, "password"), QStringLiteral("Harbour#2025"));

    // In a field: the screen's own handling, once.
    QTest::keyClick(field(page, "password"), Qt::Key_Return);
    QCOMPARE(signIns.count(), 1);
    // On the check box beside the fields: the screen's main button.
    QWidget *remember = page->findChild<QWidget *>(QStringLiteral("rememberUserId"));
    remember->setFocus();
    QTest::keyClick(remember, Qt::Key_Return);
    QCOMPARE(signIns.count(), 2);
    // On another button: that button, not the main one.
    button(page, "forgottenPassword")->setFocus();
    QTest::keyClick(button(page, "forgottenPassword"), Qt::Key_Enter);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(signIns.count(), 2);

    // Tabbing over every button, the main one included, leaves it the main one: still drawn as
    // such and still pressed by Enter on the check box.
    field(page, "userId")->setFocus();
    for (int i = 0; i < 12; ++i)
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(button(page, "signIn")->isDefault());
    remember->setFocus();
    QTest::keyClick(remember, Qt::Key_Return);
    QCOMPARE(signIns.count(), 3);
}

void TestMainWindow::noScreenScrollsSidewaysAtTheSmallestSize()
{
    MainWindow window;
    window.show();
    window.resize(window.minimumSize());
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto *scroll = window.findChild<QScrollArea *>(QStringLiteral("content"));
    for (QWidget *screen :
         std::initializer_list<QWidget *> {window.signInPage(), window.securityInformationPage(),
                                           window.homePage(), window.messagePage()}) {
        window.showScreen(screen);
        QCoreApplication::processEvents();
        QVERIFY2(scroll->horizontalScrollBar()->maximum() == 0,
                 qPrintable(window.currentScreenName()));
    }
}

// At 200 % the screen scrolls: a refusal drawn below the fold looked as if nothing happened.
void TestMainWindow::aRefusalIsInSightBesideTheFieldToFix()
{
    MainWindow window;
    SecurityInformationPage *page = window.securityInformationPage();
    page->start(SecurityInformationPage::Purpose::Reset, {QStringLiteral("jsmith01"), {}, {}},
                cqrs::PasswordPolicy {});
    window.showScreen(page);
    const QScrollArea *scroll = showScrolling(window);
    QVERIFY(scroll);

    // The person pressed Register from the foot of the screen.
    button(page, "submit")->setFocus();
    scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
    page->feedback()->showBusy(QStringLiteral("Saving"));
    page->showRefusal(QStringLiteral("Your password was changed recently."),
                      {QStringLiteral("min-age")});
    QTRY_VERIFY(inSight(scroll, status(page)));
    QCOMPARE(QApplication::focusWidget(), field(page, "newPassword"));
    QVERIFY(inSight(scroll, field(page, "newPassword")));
}

void TestMainWindow::helpLineCanBeSelectedWithTheMouse()
{
    MainWindow window;
    window.showScreen(window.signInPage());
    window.restorePlacement();
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QLabel *line = label(&window, "helpLine");
    QVERIFY(!line->hasSelectedText());

    // The person points at the line and drags across it, as to copy the phone number.
    const int y = line->height() / 2;
    const QFontMetrics metrics(line->font());
    const int textStart = (line->width() - metrics.horizontalAdvance(line->text())) / 2;
    QTest::mouseMove(line, QPoint(textStart + 2, y));
    QTest::mousePress(line, Qt::LeftButton, {}, QPoint(textStart + 2, y));
    QTest::mouseMove(line, QPoint(line->width() / 2, y));
    QTest::mouseRelease(line, Qt::LeftButton, {}, QPoint(line->width() / 2, y));
    QVERIFY2(line->hasSelectedText(), qPrintable(line->selectedText()));
    QVERIFY(line->text().startsWith(line->selectedText()));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
