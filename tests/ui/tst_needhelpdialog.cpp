#include "ui/NeedHelpDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using cqrs::ui::NeedHelpDialog;

class TestNeedHelpDialog : public QObject
{
    Q_OBJECT

private slots:
    void showsTheVersion()
    {
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
        NeedHelpDialog dialog;
        auto *version = dialog.findChild<QLabel *>(QStringLiteral("appVersion"));
        QVERIFY(version);
        QCOMPARE(version->text(), QStringLiteral("CQRS Desktop version 9.8.7"));
    }

    void copiesTheServiceDeskDetails()
    {
        NeedHelpDialog::setServiceDeskDetails([] { return QStringLiteral("App: CQRS Desktop"); });
        NeedHelpDialog dialog;
        auto *copy = dialog.findChild<QPushButton *>(QStringLiteral("copyServiceDeskDetails"));
        QVERIFY(copy);
        QVERIFY(!copy->accessibleDescription().isEmpty());
        copy->click();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("App: CQRS Desktop"));
        NeedHelpDialog::setServiceDeskDetails({});
        NeedHelpDialog without;
        QVERIFY(!without.findChild<QPushButton *>(QStringLiteral("copyServiceDeskDetails")));
    }

    void opensOnCloseAndEnterClosesIt()
    {
        NeedHelpDialog::setServiceDeskDetails([] { return QStringLiteral("App: CQRS Desktop"); });
        QApplication::clipboard()->clear();
        NeedHelpDialog dialog;
        dialog.open();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        auto *focused = qobject_cast<QPushButton *>(QApplication::focusWidget());
        QVERIFY2(focused, "the focus is not on a button");
        QCOMPARE(focused->text(), QStringLiteral("Close"));
        QTest::keyClick(focused, Qt::Key_Return);
        QVERIFY(!dialog.isVisible());
        QVERIFY(QApplication::clipboard()->text().isEmpty());
        NeedHelpDialog::setServiceDeskDetails({});
    }
};

QTEST_MAIN(TestNeedHelpDialog)
#include "tst_needhelpdialog.moc"
