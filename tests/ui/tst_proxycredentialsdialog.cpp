#include "ui/ProxyCredentialsDialog.h"

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

} // namespace

class TestProxyCredentialsDialog : public QObject
{
    Q_OBJECT

private slots:
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
            = ProxyCredentialsDialog::ask(QStringLiteral("proxy.practice.nhs.uk"), nullptr);
        QVERIFY(answer);
        QCOMPARE(answer->user, QStringLiteral("practice"));
        QCOMPARE(answer->password, QStringLiteral("proxy secret 1"));
    }

    void cancelGivesNothing()
    {
        whenAsked([](ProxyCredentialsDialog *dialog) {
            QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("proxyUser")),
                             QStringLiteral("practice"));
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
        });
        QVERIFY(!ProxyCredentialsDialog::ask(QStringLiteral("proxy.practice.nhs.uk"), nullptr));
    }
};

QTEST_MAIN(TestProxyCredentialsDialog)
#include "tst_proxycredentialsdialog.moc"
