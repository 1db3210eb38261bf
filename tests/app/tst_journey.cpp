#include "app/AppController.h"
#include "app/SsoSignIn.h"
#include "core/api/ApiClient.h"
#include "core/settings/ServiceSettings.h"
#include "tests/support/FindWidget.h"
#include "tests/support/StubClient.h"
#include "tests/support/StubProcess.h"
#include "ui/ChangePasswordDialog.h"
#include "ui/HomePage.h"
#include "ui/MainWindow.h"
#include "ui/MessagePage.h"
#include "ui/NewPasswordForm.h"
#include "ui/PasswordChecklist.h"
#include "ui/RequestFeedback.h"
#include "ui/SecurityInformationPage.h"
#include "ui/SignInPage.h"
#include "ui/StatusMessage.h"

#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace cqrs;

namespace {

// Stands in for the OpenID Connect flow at the seam: it "returns" whatever id_token it is given,
// so this test covers what the app does with one, not the flow itself (tests/sso does that).
class ScriptedSso : public app::SsoSignIn
{
public:
    QString idToken;
    int cancels = 0;

    void start() override { emit idTokenReceived(idToken); }
    void refresh(const QString &) override { emit idTokenReceived(idToken); }
    void cancel() override { ++cancels; }
    QString refreshToken() const override { return {}; }
    bool wasRefused() const override { return false; }
};

} // namespace

// The whole journey against the real server-stub: an administrator creates a user, the link
// from the email opens the Security Information screen, the person registers, signs in,
// changes their password (refused by the minimum age, accepted three days later) and signs out.
class TestJourney : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void registerSignInChangePasswordSignOut();
    void usedLinkSaysWhatToDo();
    void malformedLinkSaysWhatToDo();
    void wrongPasswordIsRefusedPlainly();
    void serverDownIsExplained();
    void aSecondEnterDoesNotCancelTheRequest();
    void aLinkDoesNotClearATypedPasswordUnasked();
    void aCheckWhileTheServerIsAwaySaysItTriesAgain();
    void nhsmailButtonFollowsPolicy();
    void forgottenPasswordResetsThroughTheSameScreen();
    void aLinkWhileSignedInEndsTheSession();
    void lockedAccountSaysWhenToTryAgain();
    void nhsmailSeamEndsLikeAPasswordSignIn();
    void slowServerShowsBusyWithCancelThenTimesOut();

private:
    void createUser(const QString &userId);
    void signIn(const QString &userId, const QString &password);
    // Every check of the screen also checks "Need help?" is there, as it must be on each.
    QString screen() const
    {
        const ui::MainWindow *window = controller->window();
        return button(window, "needHelp")->isVisibleTo(window) ? window->currentScreenName()
                                                               : QStringLiteral("no help button");
    }

    // Open while the window has one: it is deleted on close.
    ui::ChangePasswordDialog *changePasswordDialog() const
    {
        return controller->window()->findChild<ui::ChangePasswordDialog *>();
    }

    // An open (not yet closed) message box, wherever it sits.
    static QMessageBox *messageBox(const char *name)
    {
        for (QWidget *widget : QApplication::allWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(widget);
            if (box && box->objectName() == QLatin1String(name) && box->isVisible())
                return box;
        }
        return nullptr;
    }

    // Sessions of this User ID the server would still accept.
    int liveSessionsOf(const QString &userId) const
    {
        int count = -1;
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(stub.databasePath());
            QSqlQuery query(db);
            if (db.open()
                && query.prepare(QStringLiteral("SELECT COUNT(*) FROM sessions"
                                                " WHERE user_id = ? AND revoked_at IS NULL"))) {
                query.addBindValue(userId);
                if (query.exec() && query.next())
                    count = query.value(0).toInt();
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        return count;
    }

    StubProcess stub;
    StubClient client {stub};
    QTemporaryDir settingsDir;
    std::unique_ptr<ServiceSettings> settings;
    std::unique_ptr<app::AppController> controller;
};

void TestJourney::initTestCase()
{
    QVERIFY(stub.start());
}

void TestJourney::init()
{
    auto user = std::make_unique<QSettings>(settingsDir.filePath(QStringLiteral("user.ini")),
                                            QSettings::IniFormat);
    settings = std::make_unique<ServiceSettings>(nullptr, std::move(user), stub.url());
    controller = std::make_unique<app::AppController>(*settings);
    controller->showSignIn();
    controller->window()->show();
    controller->window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowExposed(controller->window()));
}

void TestJourney::cleanup()
{
    controller.reset();
    settings.reset();
}

void TestJourney::createUser(const QString &userId)
{
    const Reply created = client.adminPost(
        QStringLiteral("/api/v1/admin/users"),
        {{QStringLiteral("userId"), userId},
         {QStringLiteral("email"), userId + QStringLiteral("@nhs.net")},
         {QStringLiteral("displayName"), QStringLiteral("Jane Smith")},
         {QStringLiteral("organisation"), QStringLiteral("A81001 Riverside Surgery")},
         {QStringLiteral("role"), QStringLiteral("Practice Manager")}});
    QCOMPARE(created.status, 201);
}

void TestJourney::signIn(const QString &userId, const QString &password)
{
    ui::SignInPage *page = controller->window()->signInPage();
    field(page, "userId")->clear();
    QTest::keyClicks(field(page, "userId"), userId);
    field(page, "password")->clear();
    QTest::keyClicks(field(page, "password"), password);
    QTest::mouseClick(button(page, "signIn"), Qt::LeftButton);
}

void TestJourney::registerSignInChangePasswordSignOut()
{
    const QString userId = QStringLiteral("jsmith01");
    createUser(userId);
    const QString link = client.newestAppLink(QStringLiteral("register"));
    QVERIFY2(!link.isEmpty(), "no registration link in the outbox");

    // The link opens the Security Information screen for this user.
    controller->openLink(link);
    QTRY_COMPARE(screen(), QStringLiteral("security-information"));
    ui::SecurityInformationPage *security = controller->window()->securityInformationPage();
    QCOMPARE(label(security, "userId")->text(), userId);
    QCOMPARE(label(security, "displayName")->text(), QStringLiteral("Jane Smith"));
    QCOMPARE(controller->window()->windowTitle(),
             QStringLiteral("Security Information - CQRS Desktop"));

    QTest::keyClicks(field(security, "newPassword"), QStringLiteral("Harbour#2025"));
    QVERIFY(!button(security, "submit")->isEnabled());
    QTest::keyClicks(field(security, "confirmPassword"), QStringLiteral("Harbour#2025"));
    QVERIFY(button(security, "submit")->isEnabled());
    QTest::mouseClick(button(security, "submit"), Qt::LeftButton);

    // Registered: back at sign-in with the User ID filled in.
    QTRY_COMPARE(screen(), QStringLiteral("sign-in"));
    ui::SignInPage *signInPage = controller->window()->signInPage();
    QVERIFY(status(signInPage)->text().contains(QStringLiteral("registered")));
    QCOMPARE(field(signInPage, "userId")->text(), userId);
    QTest::keyClicks(field(signInPage, "password"), QStringLiteral("Harbour#2025"));
    QTest::keyClick(field(signInPage, "password"), Qt::Key_Return);

    QTRY_COMPARE(screen(), QStringLiteral("home"));
    ui::HomePage *home = controller->window()->homePage();
    QCOMPARE(label(home, "userId")->text(), userId);
    QCOMPARE(label(home, "displayName")->text(), QStringLiteral("Jane Smith"));
    QCOMPARE(label(home, "organisation")->text(), QStringLiteral("A81001 Riverside Surgery"));
    QCOMPARE(label(home, "role")->text(), QStringLiteral("Practice Manager"));

    // Change password straight after registering: the 72-hour minimum age refuses it.
    QTest::mouseClick(button(home, "changePassword"), Qt::LeftButton);
    QTRY_VERIFY(changePasswordDialog() != nullptr);
    ui::ChangePasswordDialog *dialog = changePasswordDialog();
    QTest::keyClicks(field(dialog, "currentPassword"), QStringLiteral("Harbour#2025"));
    QTest::keyClicks(field(dialog, "newPassword"), QStringLiteral("Violet!2026"));
    QTest::keyClicks(field(dialog, "confirmPassword"), QStringLiteral("Violet!2026"));
    QVERIFY(button(dialog, "submit")->isEnabled());
    QTest::mouseClick(button(dialog, "submit"), Qt::LeftButton);
    QTRY_VERIFY(status(dialog)->isError());
    QVERIFY2(status(dialog)->text().contains(QStringLiteral("change it again after")),
             qPrintable(status(dialog)->text()));
    QCOMPARE(
        widget<ui::PasswordChecklist>(dialog, "passwordChecklist")->stateOf(PolicyRule::MinAge),
        ui::PasswordChecklist::State::NotMet);

    // Three days later the session has ended (idle expiry): the app says so and asks for a
    // fresh sign-in, after which the same change is accepted.
    client.advanceClock(259200);
    QTest::mouseClick(button(dialog, "submit"), Qt::LeftButton);
    QTRY_COMPARE(screen(), QStringLiteral("sign-in"));
    QVERIFY(changePasswordDialog() == nullptr);
    QVERIFY(status(signInPage)->text().contains(QStringLiteral("session ended")));
    QVERIFY(status(signInPage)->text().contains(QStringLiteral("password was not changed")));
    signIn(userId, QStringLiteral("Harbour#2025"));
    QTRY_COMPARE(screen(), QStringLiteral("home"));
    QTest::mouseClick(button(home, "changePassword"), Qt::LeftButton);
    QTRY_VERIFY(changePasswordDialog() != nullptr);
    dialog = changePasswordDialog();
    // A mistyped current password: typed again where focus goes, the new one kept.
    QTest::keyClicks(field(dialog, "currentPassword"), QStringLiteral("Harbour#2052"));
    QTest::keyClicks(field(dialog, "newPassword"), QStringLiteral("Violet!2026"));
    QTest::keyClicks(field(dialog, "confirmPassword"), QStringLiteral("Violet!2026"));
    QTest::keyClick(field(dialog, "confirmPassword"), Qt::Key_Return);
    QTRY_VERIFY(status(dialog)->isError());
    QVERIFY2(status(dialog)->text().contains(QStringLiteral("not correct")),
             qPrintable(status(dialog)->text()));
    QCOMPARE(QApplication::focusWidget(), field(dialog, "currentPassword"));
    QVERIFY(field(dialog, "currentPassword")->text().isEmpty());
    QTest::keyClicks(field(dialog, "currentPassword"), QStringLiteral("Harbour#2025"));
    QTest::keyClick(field(dialog, "confirmPassword"), Qt::Key_Return);
    QTRY_VERIFY(changePasswordDialog() == nullptr);
    QCOMPARE(screen(), QStringLiteral("home"));
    QVERIFY(status(home)->text().contains(QStringLiteral("changed")));

    QTest::mouseClick(button(home, "signOut"), Qt::LeftButton);
    QTRY_COMPARE(screen(), QStringLiteral("sign-in"));
    // Exactly this message only when the server confirmed it revoked the session (204).
    QCOMPARE(status(signInPage)->text(), QStringLiteral("You have signed out."));
    QVERIFY(!controller->api()->hasSession());

    // The new password works; the old one does not.
    signIn(userId, QStringLiteral("Harbour#2025"));
    QTRY_VERIFY(status(signInPage)->isError());
    signIn(userId, QStringLiteral("Violet!2026"));
    QTRY_COMPARE(screen(), QStringLiteral("home"));
}

void TestJourney::usedLinkSaysWhatToDo()
{
    createUser(QStringLiteral("used.link"));
    const QString link = client.newestAppLink(QStringLiteral("register"));
    controller->openLink(link);
    QTRY_COMPARE(screen(), QStringLiteral("security-information"));
    ui::SecurityInformationPage *security = controller->window()->securityInformationPage();
    QTest::keyClicks(field(security, "newPassword"), QStringLiteral("Harbour#77x"));
    QTest::keyClicks(field(security, "confirmPassword"), QStringLiteral("Harbour#77x"));
    QTest::keyClick(field(security, "confirmPassword"), Qt::Key_Return);
    QTRY_COMPARE(screen(), QStringLiteral("sign-in"));

    controller->openLink(link);
    QTRY_VERIFY(button(controller->window()->messagePage(), "goToSignIn")->isVisible());
    QCOMPARE(screen(), QStringLiteral("message"));
    const QString message = label(controller->window()->messagePage(), "messageText")->text();
    QVERIFY2(message.contains(QStringLiteral("already been used")), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("CQRS User Administrator")));
}

void TestJourney::malformedLinkSaysWhatToDo()
{
    controller->openLink(QStringLiteral("cqrs://register?token=short"));
    QCOMPARE(screen(), QStringLiteral("message"));
    QVERIFY(label(controller->window()->messagePage(), "messageText")
                ->text()
                .contains(QStringLiteral("CQRS User Administrator")));
}

void TestJourney::wrongPasswordIsRefusedPlainly()
{
    signIn(QStringLiteral("nobody.here"), QStringLiteral("Wrong#Password1"));
    ui::SignInPage *page = controller->window()->signInPage();
    QTRY_VERIFY(status(page)->isError());
    QVERIFY(status(page)->text().contains(QStringLiteral("not correct")));
    QCOMPARE(screen(), QStringLiteral("sign-in"));
    QVERIFY(field(page, "password")->text().isEmpty());
}

// Types a User ID and password on the shown, active sign-in screen and presses Enter there.
static void enterSignInAndPressEnter(ui::SignInPage *page)
{
    QTest::keyClicks(field(page, "userId"), QStringLiteral("jsmith01"));
    field(page, "password")->setFocus();
    QTest::keyClicks(field(page, "password"), QStringLiteral("Harbour#2025"));
    QTest::keyClick(field(page, "password"), Qt::Key_Return);
}

void TestJourney::serverDownIsExplained()
{
    // Port 9 (discard) on loopback: nothing listens there.
    ServiceSettings down(nullptr, nullptr, QUrl(QStringLiteral("http://127.0.0.1:9/")));
    app::AppController offline(down);
    offline.showSignIn();
    offline.window()->show();
    offline.window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(offline.window()));
    ui::SignInPage *page = offline.window()->signInPage();
    enterSignInAndPressEnter(page);
    QTRY_VERIFY(status(page)->isError());
    QVERIFY(status(page)->text().contains(QStringLiteral("Cannot reach the CQRS server")));
    // Back in the field the person left, so Enter tries again (not in the header's Need help?).
    QCOMPARE(QApplication::focusWidget(), field(page, "password"));
    // Nothing was checked: what was typed stays for Try again.
    QCOMPARE(field(page, "userId")->text(), QStringLiteral("jsmith01"));
    QCOMPARE(field(page, "password")->text(), QStringLiteral("Harbour#2025"));
}

// Disabling the focused password field used to hand focus to the busy bar's Cancel, so a second
// Enter (a double press) cancelled a sign-in the server had already accepted.
void TestJourney::aSecondEnterDoesNotCancelTheRequest()
{
    ServiceSettings down(nullptr, nullptr, QUrl(QStringLiteral("http://127.0.0.1:9/")));
    app::AppController offline(down);
    offline.api()->setRetryDelays({std::chrono::seconds(3)});
    offline.showSignIn();
    offline.window()->show();
    offline.window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(offline.window()));
    ui::SignInPage *page = offline.window()->signInPage();
    enterSignInAndPressEnter(page);
    auto *feedback = widget<ui::RequestFeedback>(page, "requestFeedback");
    QVERIFY(feedback->isBusy());
    auto *cancel = page->findChild<QPushButton *>(QStringLiteral("cancelButton"));
    QVERIFY(QApplication::focusWidget() != cancel);
    QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : offline.window();
    QTest::keyClick(target, Qt::Key_Return);
    QTest::keyClick(target, Qt::Key_Space);
    QVERIFY(feedback->isBusy());
    QVERIFY(!status(page)->text().contains(QStringLiteral("Cancelled")));
    // Cancel is still one Tab away for someone who means it.
    QTest::keyClick(target, Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), cancel);
    QTest::keyClick(cancel, Qt::Key_Return);
    QTRY_VERIFY(!feedback->isBusy());
    QCOMPARE(QApplication::focusWidget(), field(page, "password"));
}

void TestJourney::aLinkDoesNotClearATypedPasswordUnasked()
{
    createUser(QStringLiteral("first.typist"));
    const QString first = client.newestAppLink(QStringLiteral("register"));
    controller->openLink(first);
    QTRY_COMPARE(screen(), QStringLiteral("security-information"));
    ui::SecurityInformationPage *page = controller->window()->securityInformationPage();
    QTest::keyClicks(field(page, "newPassword"), QStringLiteral("Harbour#77x"));

    // The email's link clicked again: what was typed stays, nothing is asked.
    controller->openLink(first);
    QTest::qWait(50);
    QVERIFY(messageBox("openLinkQuestion") == nullptr);
    QCOMPARE(field(page, "newPassword")->text(), QStringLiteral("Harbour#77x"));

    // Another link: asked first; keeping what was typed keeps it.
    createUser(QStringLiteral("second.typist"));
    const QString second = client.newestAppLink(QStringLiteral("register"));
    controller->openLink(second);
    QTRY_VERIFY(messageBox("openLinkQuestion") != nullptr);
    QTest::keyClick(messageBox("openLinkQuestion"), Qt::Key_Escape);
    QTRY_VERIFY(messageBox("openLinkQuestion") == nullptr);
    QCOMPARE(field(page, "newPassword")->text(), QStringLiteral("Harbour#77x"));
    QCOMPARE(label(page, "userId")->text(), QStringLiteral("first.typist"));
    controller->openLink(second);
    QTRY_VERIFY(messageBox("openLinkQuestion") != nullptr);
    QTest::mouseClick(button(messageBox("openLinkQuestion"), "openLink"), Qt::LeftButton);
    QTRY_COMPARE(label(page, "userId")->text(), QStringLiteral("second.typist"));
    QVERIFY(field(page, "newPassword")->text().isEmpty());
}

void TestJourney::aCheckWhileTheServerIsAwaySaysItTriesAgain()
{
    ServiceSettings down(nullptr, nullptr, QUrl(QStringLiteral("http://127.0.0.1:9/")));
    app::AppController offline(down);
    offline.api()->setRetryDelays({std::chrono::seconds(2), std::chrono::seconds(1)});
    offline.window()->show();
    offline.openLink(QStringLiteral("cqrs://register?token=") + QString(43, QLatin1Char('A')));
    QWidget *page = offline.window()->currentScreen();
    QCOMPARE(offline.window()->currentScreenName(), QStringLiteral("message"));
    // Still busy, with Cancel, and saying when it asks again.
    QTRY_VERIFY(status(page)->text().contains(QStringLiteral("Trying again in 2 seconds")));
    QVERIFY(status(page)->isVisible());
    QVERIFY(widget<ui::RequestFeedback>(page, "requestFeedback")->isBusy());
    QTRY_VERIFY(status(page)->text().contains(QStringLiteral("Trying again in 1 second;")));
    // Then it gives up and says why.
    QTRY_VERIFY_WITH_TIMEOUT(!widget<ui::RequestFeedback>(page, "requestFeedback")->isBusy(),
                             10000);
    QVERIFY(!status(page)->text().contains(QStringLiteral("Trying again")));

    // The same link can be checked again from here, without going back to the email.
    QPushButton *tryAgain = button(page, "tryAgain");
    QVERIFY(tryAgain->isVisibleTo(offline.window()));
    QVERIFY(button(page, "goToSignIn")->isVisibleTo(offline.window()));
    QTest::mouseClick(tryAgain, Qt::LeftButton);
    QVERIFY(widget<ui::RequestFeedback>(page, "requestFeedback")->isBusy());
    QVERIFY(!tryAgain->isVisibleTo(offline.window()));
}

void TestJourney::nhsmailButtonFollowsPolicy()
{
    // Not set up here: the button is there and says so plainly when pressed.
    ui::SignInPage *page = controller->window()->signInPage();
    QVERIFY(button(page, "signInWithNhsmail")->isVisibleTo(controller->window()));
    QTest::mouseClick(button(page, "signInWithNhsmail"), Qt::LeftButton);
    QVERIFY(status(page)->text().contains(QStringLiteral("not set up")));

    // Turned off by IT policy: not offered at all.
    QTemporaryDir dir;
    auto managed = std::make_unique<QSettings>(dir.filePath(QStringLiteral("policy.conf")),
                                               QSettings::IniFormat);
    managed->setValue(QStringLiteral("SsoEnabled"), 0);
    ServiceSettings turnedOff(std::move(managed), nullptr, stub.url());
    app::AppController offController(turnedOff);
    QVERIFY(!button(offController.window()->signInPage(), "signInWithNhsmail")
                 ->isVisibleTo(offController.window()));
}

void TestJourney::forgottenPasswordResetsThroughTheSameScreen()
{
    const QString userId = QStringLiteral("forgetful");
    QVERIFY(client.addRegisteredUser(userId, QStringLiteral("First#Pass1")));
    ui::SignInPage *signInPage = controller->window()->signInPage();
    auto askForReset = [&](const QString &who) {
        field(signInPage, "userId")->clear();
        QTest::keyClicks(field(signInPage, "userId"), who);
        QTest::mouseClick(button(signInPage, "forgottenPassword"), Qt::LeftButton);
        QTRY_VERIFY(!status(signInPage)->text().isEmpty() && !status(signInPage)->isError()
                    && status(signInPage)->text().contains(QStringLiteral("If that User ID")));
    };
    auto setNewPassword = [&](const QString &password) {
        const QString link = client.newestAppLink(QStringLiteral("reset"));
        QVERIFY(!link.isEmpty());
        controller->openLink(link);
        QTRY_COMPARE(screen(), QStringLiteral("security-information"));
        ui::SecurityInformationPage *page = controller->window()->securityInformationPage();
        QCOMPARE(label(page, "userId")->text(), userId);
        QTest::keyClicks(field(page, "newPassword"), password);
        QTest::keyClicks(field(page, "confirmPassword"), password);
        QTest::mouseClick(button(page, "submit"), Qt::LeftButton);
    };

    // The answer is the same for a User ID that does not exist.
    askForReset(userId);
    const QString neutral = status(signInPage)->text();
    status(signInPage)->clear();
    askForReset(QStringLiteral("no.such.user"));
    QCOMPARE(status(signInPage)->text(), neutral);

    // A self-service reset straight after registering is refused by the minimum age.
    setNewPassword(QStringLiteral("Second#Pass2"));
    ui::SecurityInformationPage *page = controller->window()->securityInformationPage();
    QTRY_VERIFY(status(page)->isError());
    QVERIFY(status(page)->text().contains(QStringLiteral("change it again after")));
    // Someone who has forgotten their password cannot just wait three days: who can help.
    QVERIFY(status(page)->text().contains(QStringLiteral("0330 124 4039")));
    QCOMPARE(widget<ui::PasswordChecklist>(page, "passwordChecklist")->stateOf(PolicyRule::MinAge),
             ui::PasswordChecklist::State::NotMet);

    // Three days on (the old reset link has expired by then), a new reset works.
    client.advanceClock(259200);
    controller->showSignIn();
    askForReset(userId);
    setNewPassword(QStringLiteral("Second#Pass2"));
    QTRY_COMPARE(screen(), QStringLiteral("sign-in"));
    QVERIFY(status(signInPage)->text().contains(QStringLiteral("reset")));
    signIn(userId, QStringLiteral("Second#Pass2"));
    QTRY_COMPARE(screen(), QStringLiteral("home"));
}

void TestJourney::aLinkWhileSignedInEndsTheSession()
{
    const QString userId = QStringLiteral("signed.in.linker");
    QVERIFY(client.addRegisteredUser(userId, QStringLiteral("First#Pass1")));
    signIn(userId, QStringLiteral("First#Pass1"));
    QTRY_COMPARE(screen(), QStringLiteral("home"));
    QCOMPARE(liveSessionsOf(userId), 1);
    QTest::mouseClick(button(controller->window()->homePage(), "changePassword"), Qt::LeftButton);
    QTRY_VERIFY(changePasswordDialog() != nullptr);

    // Any web page can open a link: one that cannot be used changes nothing.
    controller->openLink(QStringLiteral("cqrs://x"));
    QTRY_VERIFY(messageBox("linkUnusable") != nullptr);
    QVERIFY(messageBox("linkUnusable")->text().contains(QStringLiteral("still signed in")));
    messageBox("linkUnusable")->close();
    QVERIFY(changePasswordDialog() != nullptr);
    QCOMPARE(screen(), QStringLiteral("home"));
    QCOMPARE(liveSessionsOf(userId), 1);

    // A link (someone else's, perhaps, at a shared computer) arrives from a second launch: the
    // person is asked first.
    createUser(QStringLiteral("next.person"));
    const QString nextLink = client.newestAppLink(QStringLiteral("register"));
    controller->openLink(nextLink);
    QTRY_VERIFY(messageBox("openLinkQuestion") != nullptr);
    QVERIFY(messageBox("openLinkQuestion")->text().contains(QStringLiteral("registration link")));
    QTest::mouseClick(button(messageBox("openLinkQuestion"), "stay"), Qt::LeftButton);
    QTRY_VERIFY(messageBox("openLinkQuestion") == nullptr);
    QCOMPARE(screen(), QStringLiteral("home"));
    QCOMPARE(liveSessionsOf(userId), 1);
    controller->openLink(nextLink);
    QTRY_VERIFY(messageBox("openLinkQuestion") != nullptr);
    QTest::mouseClick(button(messageBox("openLinkQuestion"), "openLink"), Qt::LeftButton);
    QTRY_COMPARE(screen(), QStringLiteral("security-information"));
    QVERIFY(changePasswordDialog() == nullptr);
    QVERIFY(!controller->api()->hasSession());
    QTRY_COMPARE(liveSessionsOf(userId), 0);

    // Leaving the link's screen leads to signing in again, not back into the account.
    QTest::mouseClick(button(controller->window()->securityInformationPage(), "backToSignIn"),
                      Qt::LeftButton);
    QTRY_COMPARE(screen(), QStringLiteral("sign-in"));
}

void TestJourney::lockedAccountSaysWhenToTryAgain()
{
    const QString userId = QStringLiteral("locked.out");
    QVERIFY(client.addRegisteredUser(userId, QStringLiteral("Right#Pass1")));
    ui::SignInPage *page = controller->window()->signInPage();
    for (int attempt = 0; attempt < 5; ++attempt) {
        signIn(userId, QStringLiteral("Wrong#Pass1"));
        QTRY_VERIFY(status(page)->isError());
        status(page)->clear();
    }
    signIn(userId, QStringLiteral("Right#Pass1"));
    QTRY_VERIFY(status(page)->isError());
    QVERIFY2(status(page)->text().contains(QStringLiteral("locked"))
                 && status(page)->text().contains(QStringLiteral("Try again after")),
             qPrintable(status(page)->text()));
    QCOMPARE(screen(), QStringLiteral("sign-in"));
}

void TestJourney::nhsmailSeamEndsLikeAPasswordSignIn()
{
    auto user = std::make_unique<QSettings>(settingsDir.filePath(QStringLiteral("sso.ini")),
                                            QSettings::IniFormat);
    user->setValue(QStringLiteral("SsoEnabled"), QStringLiteral("true"));
    user->setValue(QStringLiteral("SsoIssuer"), stub.url().toString() + QStringLiteral("idp"));
    user->setValue(QStringLiteral("SsoClientId"), QStringLiteral("cqrs-desktop"));
    ServiceSettings withSso(nullptr, std::move(user), stub.url());
    app::AppController app(withSso);
    auto *sso = new ScriptedSso;
    sso->idToken = QStringLiteral("eyJhbGciOiJub25lIn0.e30.");
    app.setSsoSignIn(sso);
    app.showSignIn();
    ui::SignInPage *page = app.window()->signInPage();

    // The server refuses a token it cannot verify; the person hears it plainly.
    QTest::mouseClick(button(page, "signInWithNhsmail"), Qt::LeftButton);
    QTRY_VERIFY(status(page)->isError());
    QVERIFY2(status(page)->text().contains(QStringLiteral("NHSmail")),
             qPrintable(status(page)->text()));
    QVERIFY(button(page, "signIn")->isEnabled());
    QCOMPARE(app.window()->currentScreenName(), QStringLiteral("sign-in"));
    QVERIFY(!app.api()->hasSession());
}

void TestJourney::slowServerShowsBusyWithCancelThenTimesOut()
{
    // Accepts connections and never answers: a server that hangs.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    ServiceSettings slow(nullptr, nullptr,
                         QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(silent.serverPort())));
    app::AppController app(slow);
    app.showSignIn();
    app.window()->show();
    ui::SignInPage *page = app.window()->signInPage();
    QTest::keyClicks(field(page, "userId"), QStringLiteral("jsmith01"));
    QTest::keyClicks(field(page, "password"), QStringLiteral("Harbour#2025"));
    QTest::mouseClick(button(page, "signIn"), Qt::LeftButton);

    auto *cancel = page->findChild<QPushButton *>(QStringLiteral("cancelButton"));
    QVERIFY(cancel->isVisible());
    QVERIFY(!button(page, "signIn")->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY(button(page, "signIn")->isEnabled());
    QVERIFY(!cancel->isVisible());
    QVERIFY(status(page)->text().contains(QStringLiteral("Cancelled")));

    app.api()->setTimeout(std::chrono::milliseconds(300));
    QTest::keyClicks(field(page, "password"), QStringLiteral("Harbour#2025"));
    QTest::keyClick(field(page, "password"), Qt::Key_Return);
    QVERIFY(cancel->isVisible());
    QTRY_VERIFY(status(page)->isError());
    QVERIFY(status(page)->text().contains(QStringLiteral("taking too long")));
    QVERIFY(button(page, "signIn")->isEnabled());
}

QTEST_MAIN(TestJourney)
#include "tst_journey.moc"
