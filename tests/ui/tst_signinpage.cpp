#include "tests/support/FindWidget.h"
#include "ui/HelpContacts.h"
#include "ui/RequestFeedback.h"
#include "ui/SignInPage.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using cqrs::ui::SignInPage;

// Stands in for the mail and phone programs: the URLs the app asked the system to open.
class OpenedUrls : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void open(const QUrl &url) { urls.append(url); }
};

class TestSignInPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void enterSignsInWithWhatWasTyped();
    void missingFieldsAreExplained();
    void rememberedUserIdPrefillsAndFocusesPassword();
    void forgottenPasswordNeedsAUserId();
    void ssoButtonSaysWhenNotSetUp();
    void busyDisablesTheFormAndOffersCancel();
    void everyFieldHasAnAccessibleName();
    void helpContactsAreLinksAndCopyable();

private:
    std::unique_ptr<SignInPage> page;
};

void TestSignInPage::init()
{
    page = std::make_unique<SignInPage>();
    page->prepare(QString());
    page->show();
    page->activateWindow();
    QVERIFY(QTest::qWaitForWindowExposed(page.get()));
}

void TestSignInPage::cleanup()
{
    page.reset();
}

void TestSignInPage::enterSignsInWithWhatWasTyped()
{
    QSignalSpy requested(page.get(), &SignInPage::signInRequested);
    QTest::keyClicks(field(page.get(), "userId"), QStringLiteral(" jsmith01 "));
    QTest::keyClicks(field(page.get(), "password"), QStringLiteral("Secret 123"));
    QTest::mouseClick(checkBox(page.get(), "rememberUserId"), Qt::LeftButton);
    QTest::keyClick(field(page.get(), "password"), Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toString(), QStringLiteral("jsmith01"));
    QCOMPARE(requested.first().at(1).toString(), QStringLiteral("Secret 123"));
    QCOMPARE(requested.first().at(2).toBool(), true);
}

void TestSignInPage::missingFieldsAreExplained()
{
    QSignalSpy requested(page.get(), &SignInPage::signInRequested);
    QTest::keyClicks(field(page.get(), "userId"), QStringLiteral("jsmith01"));
    QTest::mouseClick(button(page.get(), "signIn"), Qt::LeftButton);
    QCOMPARE(requested.size(), 0);
    QVERIFY(status(page.get())->isError());
    QVERIFY(status(page.get())->text().contains(QStringLiteral("password")));
    QVERIFY(field(page.get(), "password")->hasFocus());
}

void TestSignInPage::rememberedUserIdPrefillsAndFocusesPassword()
{
    page->prepare(QStringLiteral("jsmith01"));
    QCOMPARE(field(page.get(), "userId")->text(), QStringLiteral("jsmith01"));
    QVERIFY(checkBox(page.get(), "rememberUserId")->isChecked());
    QVERIFY(field(page.get(), "password")->hasFocus());
}

void TestSignInPage::forgottenPasswordNeedsAUserId()
{
    QSignalSpy reset(page.get(), &SignInPage::forgottenPasswordRequested);
    QTest::mouseClick(button(page.get(), "forgottenPassword"), Qt::LeftButton);
    QCOMPARE(reset.size(), 0);
    QVERIFY(status(page.get())->text().contains(QStringLiteral("User ID")));
    QTest::keyClicks(field(page.get(), "userId"), QStringLiteral("jsmith01"));
    QTest::mouseClick(button(page.get(), "forgottenPassword"), Qt::LeftButton);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(reset.first().first().toString(), QStringLiteral("jsmith01"));
}

void TestSignInPage::ssoButtonSaysWhenNotSetUp()
{
    QSignalSpy sso(page.get(), &SignInPage::ssoRequested);
    page->setSsoAvailable(false, QStringLiteral("NHSmail sign-in is not set up."));
    QTest::mouseClick(button(page.get(), "signInWithNhsmail"), Qt::LeftButton);
    QCOMPARE(sso.size(), 0);
    QCOMPARE(status(page.get())->text(), QStringLiteral("NHSmail sign-in is not set up."));
    page->setSsoAvailable(true);
    QTest::mouseClick(button(page.get(), "signInWithNhsmail"), Qt::LeftButton);
    QCOMPARE(sso.size(), 1);
}

void TestSignInPage::busyDisablesTheFormAndOffersCancel()
{
    QSignalSpy cancel(page.get(), &SignInPage::cancelRequested);
    page->feedback()->showBusy(QStringLiteral("Signing in…"));
    QVERIFY(!button(page.get(), "signIn")->isEnabled());
    QVERIFY(!field(page.get(), "userId")->isEnabled());
    auto *cancelButton = page->findChild<QPushButton *>(QStringLiteral("cancelButton"));
    QVERIFY(cancelButton && cancelButton->isVisible());
    QTest::mouseClick(cancelButton, Qt::LeftButton);
    QCOMPARE(cancel.size(), 1);
    page->feedback()->showError(QStringLiteral("Cancelled."));
    QVERIFY(button(page.get(), "signIn")->isEnabled());
    QVERIFY(!cancelButton->isVisible());
}

void TestSignInPage::everyFieldHasAnAccessibleName()
{
    for (QLineEdit *field : page->findChildren<QLineEdit *>())
        QVERIFY2(!field->accessibleName().isEmpty(), qPrintable(field->objectName()));
    for (QPushButton *button : page->findChildren<QPushButton *>())
        QVERIFY2(!button->text().isEmpty(), qPrintable(button->objectName()));
}

void TestSignInPage::helpContactsAreLinksAndCopyable()
{
    cqrs::ui::HelpContacts help;
    help.show();
    help.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&help));
    auto *email = help.findChild<QPushButton *>(QStringLiteral("helpEmail"));
    auto *phone = help.findChild<QPushButton *>(QStringLiteral("helpPhone"));
    QVERIFY(email && phone);
    OpenedUrls opened;
    QDesktopServices::setUrlHandler(QStringLiteral("mailto"), &opened, "open");
    QDesktopServices::setUrlHandler(QStringLiteral("tel"), &opened, "open");
    QTest::mouseClick(email, Qt::LeftButton);
    // One Tab stop each, a control that shows its focus: link, Copy, link, Copy.
    email->setFocus();
    QTest::keyClick(email, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("helpEmailCopy"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), phone);
    QTest::keyClick(phone, Qt::Key_Space);
    QDesktopServices::unsetUrlHandler(QStringLiteral("mailto"));
    QDesktopServices::unsetUrlHandler(QStringLiteral("tel"));
    QCOMPARE(opened.urls,
             (QList<QUrl> {QUrl(QStringLiteral("mailto:support@cqrs.co.uk")),
                           QUrl(QStringLiteral("tel:+443301244039"))}));
    QTest::mouseClick(help.findChild<QPushButton *>(QStringLiteral("helpPhoneCopy")),
                      Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("0330 124 4039"));
    QTest::mouseClick(help.findChild<QPushButton *>(QStringLiteral("helpEmailCopy")),
                      Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("support@cqrs.co.uk"));
}

QTEST_MAIN(TestSignInPage)
#include "tst_signinpage.moc"
