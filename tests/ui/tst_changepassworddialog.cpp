#include "ui/ChangePasswordDialog.h"
#include "ui/NeedHelpDialog.h"
#include "ui/RequestFeedback.h"

#include <QApplication>
#include <QPointer>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using cqrs::PasswordPolicy;
using cqrs::ui::ChangePasswordDialog;
using cqrs::ui::NeedHelpDialog;

// Drives the real Change password dialog as the app opens it: deleted when it closes.
class TestChangePasswordDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void closingWhileHelpIsOpenTakesHelpWithIt();
    void escapeWhileBusyKeepsTheDialog();

private:
    QPointer<ChangePasswordDialog> dialog;
};

void TestChangePasswordDialog::init()
{
    dialog = new ChangePasswordDialog(PasswordPolicy {}, {QStringLiteral("john.smith"), {}, {}});
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    QVERIFY(QTest::qWaitForWindowExposed(dialog.data()));
}

void TestChangePasswordDialog::cleanup()
{
    delete dialog.data();
}

void TestChangePasswordDialog::closingWhileHelpIsOpenTakesHelpWithIt()
{
    // A help dialog run with exec() would block here; this closes it so the test can fail.
    bool nestedLoopRan = false;
    QTimer::singleShot(2000, this, [&nestedLoopRan] {
        nestedLoopRan = true;
        for (auto *help : QApplication::topLevelWidgets())
            if (auto *d = qobject_cast<NeedHelpDialog *>(help))
                d->reject();
    });
    dialog->findChild<QPushButton *>(QStringLiteral("needHelp"))->click();
    QVERIFY(!nestedLoopRan);
    QPointer<NeedHelpDialog> help = dialog->findChild<NeedHelpDialog *>();
    QVERIFY(help);
    QVERIFY(help->isVisible());

    // As the app does when the session ends or a link arrives from a second launch.
    dialog->reject();
    QTRY_VERIFY(dialog.isNull());
    QVERIFY(help.isNull());
}

void TestChangePasswordDialog::escapeWhileBusyKeepsTheDialog()
{
    dialog->feedback()->showBusy(QStringLiteral("Changing your password…"));
    QTest::keyClick(dialog.data(), Qt::Key_Escape);
    dialog->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());

    // The answer arrived: Esc closes it again.
    dialog->showRefusal(QStringLiteral("Your current password is not correct."), {});
    QTest::keyClick(dialog.data(), Qt::Key_Escape);
    QTRY_VERIFY(dialog.isNull());
}

QTEST_MAIN(TestChangePasswordDialog)
#include "tst_changepassworddialog.moc"
