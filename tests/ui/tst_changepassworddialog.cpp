#include "tests/support/FindWidget.h"
#include "ui/ChangePasswordDialog.h"
#include "ui/NeedHelpDialog.h"
#include "ui/PasswordStrengthMeter.h"
#include "ui/RequestFeedback.h"

#include <QApplication>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QTest>
#include <QTimer>

using cqrs::PasswordPolicy;
using cqrs::PasswordStrength;
using cqrs::ui::ChangePasswordDialog;
using cqrs::ui::NeedHelpDialog;
using cqrs::ui::PasswordStrengthMeter;

// Drives the real Change password dialog as the app opens it: deleted when it closes.
class TestChangePasswordDialog : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void closingWhileHelpIsOpenTakesHelpWithIt();
    void escapeWhileBusyKeepsTheDialog();
    void aWrongCurrentPasswordIsTypedAgain();
    void guidesTowardsAStrongNewPassword();
    void wrappedTextIsNeverCutOff();
    void opensInCurrentPasswordWithItsButtonsOnScreen();

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

void TestChangePasswordDialog::aWrongCurrentPasswordIsTypedAgain()
{
    QTest::keyClicks(field(dialog.data(), "currentPassword"), QStringLiteral("Not-my-pass1"));
    QTest::keyClicks(field(dialog.data(), "newPassword"), QStringLiteral("Kettle orbit 9!"));
    QTest::keyClicks(field(dialog.data(), "confirmPassword"), QStringLiteral("Kettle orbit 9!"));
    dialog->feedback()->showBusy(QStringLiteral("Changing your password…"));
    dialog->refuseCurrentPassword(QStringLiteral("Your current password is not correct."));
    QCOMPARE(QApplication::focusWidget(), field(dialog.data(), "currentPassword"));
    QVERIFY(field(dialog.data(), "currentPassword")->text().isEmpty());
    QCOMPARE(field(dialog.data(), "newPassword")->text(), QStringLiteral("Kettle orbit 9!"));
    QVERIFY(status(dialog.data())->isError());
}

void TestChangePasswordDialog::guidesTowardsAStrongNewPassword()
{
    // The same guidance as on the Security Information screen, fed by the new password only.
    const auto *meter = widget<PasswordStrengthMeter>(dialog.data(), "passwordStrength");
    QTest::keyClicks(field(dialog.data(), "currentPassword"), QStringLiteral("Kettle orbit 9!"));
    QCOMPARE(meter->level(), PasswordStrength::Level::None);

    QLineEdit *newPassword = field(dialog.data(), "newPassword");
    QTest::keyClicks(newPassword, QStringLiteral("Summer2025!"));
    QVERIFY(meter->level() <= PasswordStrength::Level::Weak);
    QVERIFY2(label(meter, "strengthSummary")->text().contains(QStringLiteral("eak")),
             qPrintable(label(meter, "strengthSummary")->text()));
    QVERIFY(label(meter, "strengthTip")->isVisible());

    newPassword->selectAll();
    QTest::keyClicks(newPassword, QStringLiteral("Kettle orbit lantern mauve 9"));
    QCOMPARE(meter->level(), PasswordStrength::Level::Strong);
    QVERIFY(label(meter, "strengthTip")->isHidden());
}

void TestChangePasswordDialog::wrappedTextIsNeverCutOff()
{
    // The server's min-age refusal rewords a checklist item into three lines. Every item keeps
    // the height its wrapped text needs at the width it has: the dialog grows to fit, and
    // where the screen is too small the form scrolls instead of squeezing the text.
    dialog->showRefusal(
        QStringLiteral("Your password was changed recently. You can change it again after "
                       "Thursday, 3 December 2026 at 11:17:46."),
        {QStringLiteral("min-age")},
        {{QStringLiteral("min-age"),
          QStringLiteral("Your password was changed recently. You can change it again after "
                         "Thursday, 3 December 2026 at 11:17:46.")}});
    QCoreApplication::processEvents();
    const auto items
        = widget<QWidget>(dialog.data(), "passwordChecklist")->findChildren<QLabel *>();
    QVERIFY(items.size() >= 7);
    for (const QLabel *item : items) {
        if (item->isVisibleTo(dialog.data()) && item->wordWrap())
            QVERIFY2(item->height() >= item->heightForWidth(item->width()),
                     qPrintable(QStringLiteral("%1: %2 < %3")
                                    .arg(item->objectName())
                                    .arg(item->height())
                                    .arg(item->heightForWidth(item->width()))));
    }
    QVERIFY(dialog->height() <= dialog->screen()->availableGeometry().height());
}

void TestChangePasswordDialog::opensInCurrentPasswordWithItsButtonsOnScreen()
{
    QTRY_COMPARE(QApplication::focusWidget(),
                 dialog->findChild<QWidget *>(QStringLiteral("currentPassword")));
    // Tab goes from field to field, never to an unnamed scrolling area.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(),
             dialog->findChild<QWidget *>(QStringLiteral("newPassword")));

    // A dialog placed low on the screen (without a window manager to move it) is moved up.
    const QRect available = dialog->screen()->availableGeometry();
    dialog->move(dialog->x(), available.bottom() - dialog->height() / 2);
    dialog->showRefusal(QStringLiteral("The server refused it."), {}, {});
    const QPushButton *submit = dialog->findChild<QPushButton *>(QStringLiteral("submit"));
    const QRect onScreen(submit->mapToGlobal(QPoint(0, 0)), submit->size());
    QVERIFY2(available.contains(onScreen),
             qPrintable(QStringLiteral("%1,%2").arg(onScreen.bottom()).arg(available.bottom())));
}

QTEST_MAIN(TestChangePasswordDialog)
#include "tst_changepassworddialog.moc"
