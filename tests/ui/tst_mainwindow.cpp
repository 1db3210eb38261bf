#include "tests/support/FindWidget.h"
#include "ui/MainWindow.h"
#include "ui/SecurityInformationPage.h"

#include <QApplication>
#include <QLabel>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTest>

using cqrs::ui::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void opensCentredWithSecurityInformationUnscrolled();
    void remembersWhereThePersonLeftIt();
    void headerNamesTheScreenAndOffersHelp();
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
    // Placed before it has a frame, so centred to within the frame's width.
    QVERIFY2(qAbs(offCentre.x()) <= 8 && qAbs(offCentre.y()) <= 8,
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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
