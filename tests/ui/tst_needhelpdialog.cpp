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
};

QTEST_MAIN(TestNeedHelpDialog)
#include "tst_needhelpdialog.moc"
