#include "ui/ProxyCredentialsDialog.h"

#include <QAccessible>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using cqrs::ui::ProxyCredentialsDialog;

namespace {

// Plays the person once the modal dialog is up: types, then presses OK or Cancel.
void whenAsked(const std::function<void(ProxyCredentialsDialog *)> &act)
{
    QTimer::singleShot(0, [act] {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (auto *dialog = qobject_cast<ProxyCredentialsDialog *>(widget))
                act(dialog);
        }
    });
}

// The text of every typing event assistive technology is sent, as a screen reader speaks it.
QStringList heard;

void hear(QAccessibleEvent *event)
{
    if (event->type() == QAccessible::TextInserted)
        heard.append(static_cast<QAccessibleTextInsertEvent *>(event)->textInserted());
    if (event->type() == QAccessible::TextUpdated)
        heard.append(static_cast<QAccessibleTextUpdateEvent *>(event)->textInserted());
}

} // namespace

class TestProxyCredentialsDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Before any password field exists, so the app's masking hands events on to this.
        QAccessible::installUpdateHandler(hear);
    }

    void typedPasswordIsNeverHeard()
    {
        ProxyCredentialsDialog dialog(QStringLiteral("proxy.practice.nhs.uk"));
        // The handler Qt now sends accessibility events to, on their way to AT-SPI or UIA.
        const QAccessible::UpdateHandler toAssistiveTechnology
            = QAccessible::installUpdateHandler(nullptr);
        QAccessible::installUpdateHandler(toAssistiveTechnology);
        QVERIFY(toAssistiveTechnology);

        // The events Qt 6.4 sends as each character is typed, user name and password alike.
        heard.clear();
        for (const char *field : {"proxyUser", "proxyPassword"}) {
            QAccessibleTextInsertEvent typed(dialog.findChild<QLineEdit *>(QLatin1String(field)), 0,
                                             QStringLiteral("s3cret"));
            toAssistiveTechnology(&typed);
        }
        QCOMPARE(heard, QStringList({QStringLiteral("s3cret"), QStringLiteral("******")}));
    }

    void givesWhatWasTyped()
    {
        whenAsked([](ProxyCredentialsDialog *dialog) {
            auto *user = dialog->findChild<QLineEdit *>(QStringLiteral("proxyUser"));
            auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("proxyPassword"));
            QVERIFY(!user->accessibleName().isEmpty() && !password->accessibleName().isEmpty());
            QCOMPARE(password->echoMode(), QLineEdit::Password);
            auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            QVERIFY(!ok->isEnabled()); // nothing to send yet
            QTest::keyClicks(user, QStringLiteral("practice"));
            QTest::keyClicks(password, QStringLiteral("proxy secret 1"));
            QVERIFY(ok->isEnabled());
            ok->click();
        });
        const auto answer
            = ProxyCredentialsDialog::ask(QStringLiteral("proxy.practice.nhs.uk"), {}, nullptr);
        QVERIFY(answer);
        QCOMPARE(answer->user, QStringLiteral("practice"));
        QCOMPARE(answer->password, QStringLiteral("proxy secret 1"));
    }

    // Asked again after a mistyped password: the user name is there, the cursor in Password.
    void askedAgainOffersTheUserName()
    {
        whenAsked([](ProxyCredentialsDialog *dialog) {
            auto *user = dialog->findChild<QLineEdit *>(QStringLiteral("proxyUser"));
            auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("proxyPassword"));
            QCOMPARE(user->text(), QStringLiteral("practice"));
            QCOMPARE(dialog->focusWidget(), password);
            QTest::keyClicks(password, QStringLiteral("proxy secret 2"));
            QTest::keyClick(password, Qt::Key_Return);
        });
        const auto answer = ProxyCredentialsDialog::ask(QStringLiteral("proxy.practice.nhs.uk"),
                                                        QStringLiteral("practice"), nullptr);
        QVERIFY(answer);
        QCOMPARE(answer->user, QStringLiteral("practice"));
        QCOMPARE(answer->password, QStringLiteral("proxy secret 2"));
    }

    void cancelGivesNothing()
    {
        whenAsked([](ProxyCredentialsDialog *dialog) {
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("proxyUser")),
                             QStringLiteral("practice"));
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
        });
        QVERIFY(!ProxyCredentialsDialog::ask(QStringLiteral("proxy.practice.nhs.uk"), {}, nullptr));
    }
};

QTEST_MAIN(TestProxyCredentialsDialog)
#include "tst_proxycredentialsdialog.moc"
