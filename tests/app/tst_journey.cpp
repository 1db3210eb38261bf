#include "app/AppController.h"
#include "app/SsoSignIn.h"
#include "core/settings/ServiceSettings.h"
#include "tests/support/StubClient.h"
#include "tests/support/StubProcess.h"
#include "ui/ChangePasswordDialog.h"
#include "ui/HomePage.h"
#include "ui/MainWindow.h"
#include "ui/MessagePage.h"
#include "ui/NewPasswordForm.h"
#include "ui/PasswordChecklist.h"
#include "ui/SecurityInformationPage.h"
#include "ui/SignInPage.h"
#include "ui/StatusMessage.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
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
    void nhsmailButtonFollowsPolicy();
    void forgottenPasswordResetsThroughTheSameScreen();
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
        return window->needHelpButton()->isVisibleTo(window) ? window->currentScreenName()
                                                             : QStringLiteral("no help button");
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
    page->userIdField()->clear();
    QTest::keyClicks(page->userIdField(), userId);
    page->passwordField()->clear();
    QTest::keyClicks(page->passwordField(), password);
    QTest::mouseClick(page->signInButton(), Qt::LeftButton);
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
    QCOMPARE(security->userIdLabel()->text(), userId);
    QCOMPARE(security->nameLabel()->text(), QStringLiteral("Jane Smith"));
    QCOMPARE(controller->window()->windowTitle(),
             QStringLiteral("Security Information - CQRS Desktop"));

    QTest::keyClicks(security->form()->passwordField(), QStringLiteral("Harbour#2025"));
    QVERIFY(!security->submitButton()->isEnabled());
    QTest::keyClicks(security->form()->confirmationField(), QStringLiteral("Harbour#2025"));
    QVERIFY(security->submitButton()->isEnabled());
    QTest::mouseClick(security->submitButton(), Qt::LeftButton);

    // Registered: back at sign-in with the User ID filled in.
    QTRY_COMPARE(screen(), QStringLiteral("sign-in"));
    ui::SignInPage *signInPage = controller->window()->signInPage();
    QVERIFY(signInPage->status()->text().contains(QStringLiteral("registered")));
    QCOMPARE(signInPage->userIdField()->text(), userId);
    QTest::keyClicks(signInPage->passwordField(), QStringLiteral("Harbour#2025"));
    QTest::keyClick(signInPage->passwordField(), Qt::Key_Return);

    QTRY_COMPARE(screen(), QStringLiteral("home"));
    ui::HomePage *home = controller->window()->homePage();
    QCOMPARE(home->userIdLabel()->text(), userId);
    QCOMPARE(home->nameLabel()->text(), QStringLiteral("Jane Smith"));
    QCOMPARE(home->organisationLabel()->text(), QStringLiteral("A81001 Riverside Surgery"));
    QCOMPARE(home->roleLabel()->text(), QStringLiteral("Practice Manager"));

    // Change password straight after registering: the 72-hour minimum age refuses it.
    QTest::mouseClick(home->changePasswordButton(), Qt::LeftButton);
    QTRY_VERIFY(controller->changePasswordDialog() != nullptr);
    ui::ChangePasswordDialog *dialog = controller->changePasswordDialog();
    QTest::keyClicks(dialog->currentPasswordField(), QStringLiteral("Harbour#2025"));
    QTest::keyClicks(dialog->form()->passwordField(), QStringLiteral("Violet!2026"));
    QTest::keyClicks(dialog->form()->confirmationField(), QStringLiteral("Violet!2026"));
    QVERIFY(dialog->submitButton()->isEnabled());
    QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
    QTRY_VERIFY(dialog->status()->isError());
    QVERIFY2(dialog->status()->text().contains(QStringLiteral("change it again after")),
             qPrintable(dialog->status()->text()));
    QCOMPARE(dialog->form()->checklist()->stateOf(PolicyRule::MinAge),
             ui::PasswordChecklist::State::NotMet);

    // Three days later the session has ended (idle expiry): the app says so and asks for a
    // fresh sign-in, after which the same change is accepted.
    client.advanceClock(259200);
    QTest::mouseClick(dialog->submitButton(), Qt::LeftButton);
    QTRY_COMPARE(screen(), QStringLiteral("sign-in"));
    QVERIFY(controller->changePasswordDialog() == nullptr);
    QVERIFY(signInPage->status()->text().contains(QStringLiteral("session ended")));
    signIn(userId, QStringLiteral("Harbour#2025"));
    QTRY_COMPARE(screen(), QStringLiteral("home"));
    QTest::mouseClick(home->changePasswordButton(), Qt::LeftButton);
    QTRY_VERIFY(controller->changePasswordDialog() != nullptr);
    dialog = controller->changePasswordDialog();
    QTest::keyClicks(dialog->currentPasswordField(), QStringLiteral("Harbour#2025"));
    QTest::keyClicks(dialog->form()->passwordField(), QStringLiteral("Violet!2026"));
    QTest::keyClicks(dialog->form()->confirmationField(), QStringLiteral("Violet!2026"));
    QTest::keyClick(dialog->form()->confirmationField(), Qt::Key_Return);
    QTRY_VERIFY(controller->changePasswordDialog() == nullptr);
    QCOMPARE(screen(), QStringLiteral("home"));
    QVERIFY(home->status()->text().contains(QStringLiteral("changed")));

    QTest::mouseClick(home->signOutButton(), Qt::LeftButton);
    QTRY_COMPARE(screen(), QStringLiteral("sign-in"));
    // Exactly this message only when the server confirmed it revoked the session (204).
    QCOMPARE(signInPage->status()->text(), QStringLiteral("You have signed out."));
    QVERIFY(!controller->api()->hasSession());

    // The new password works; the old one does not.
    signIn(userId, QStringLiteral("Harbour#2025"));
    QTRY_VERIFY(signInPage->status()->isError());
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
    QTest::keyClicks(security->form()->passwordField(), QStringLiteral("Harbour#77x"));
    QTest::keyClicks(security->form()->confirmationField(), QStringLiteral("Harbour#77x"));
    QTest::keyClick(security->form()->confirmationField(), Qt::Key_Return);
    QTRY_COMPARE(screen(), QStringLiteral("sign-in"));

    controller->openLink(link);
    QTRY_VERIFY(controller->window()->messagePage()->signInButton()->isVisible());
    QCOMPARE(screen(), QStringLiteral("message"));
    const QString message = controller->window()->messagePage()->messageLabel()->text();
    QVERIFY2(message.contains(QStringLiteral("already been used")), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("CQRS User Administrator")));
}

void TestJourney::malformedLinkSaysWhatToDo()
{
    controller->openLink(QStringLiteral("cqrs://register?token=short"));
    QCOMPARE(screen(), QStringLiteral("message"));
    QVERIFY(controller->window()->messagePage()->messageLabel()->text().contains(
        QStringLiteral("CQRS User Administrator")));
}

void TestJourney::wrongPasswordIsRefusedPlainly()
{
    signIn(QStringLiteral("nobody.here"), QStringLiteral("Wrong#Password1"));
    ui::SignInPage *page = controller->window()->signInPage();
    QTRY_VERIFY(page->status()->isError());
    QVERIFY(page->status()->text().contains(QStringLiteral("not correct")));
    QCOMPARE(screen(), QStringLiteral("sign-in"));
    QVERIFY(page->passwordField()->text().isEmpty());
}

void TestJourney::serverDownIsExplained()
{
    // Port 9 (discard) on loopback: nothing listens there.
    ServiceSettings down(nullptr, nullptr, QUrl(QStringLiteral("http://127.0.0.1:9/")));
    app::AppController offline(down);
    offline.showSignIn();
    ui::SignInPage *page = offline.window()->signInPage();
    QTest::keyClicks(page->userIdField(), QStringLiteral("jsmith01"));
    QTest::keyClicks(page->passwordField(), QStringLiteral("Harbour#2025"));
    QTest::mouseClick(page->signInButton(), Qt::LeftButton);
    QTRY_VERIFY(page->status()->isError());
    QVERIFY(page->status()->text().contains(QStringLiteral("Cannot reach the CQRS server")));
}

void TestJourney::nhsmailButtonFollowsPolicy()
{
    // Not set up here: the button is there and says so plainly when pressed.
    ui::SignInPage *page = controller->window()->signInPage();
    QVERIFY(page->ssoButton()->isVisibleTo(controller->window()));
    QTest::mouseClick(page->ssoButton(), Qt::LeftButton);
    QVERIFY(page->status()->text().contains(QStringLiteral("not set up")));

    // Turned off by IT policy: not offered at all.
    QTemporaryDir dir;
    auto managed = std::make_unique<QSettings>(dir.filePath(QStringLiteral("policy.conf")),
                                               QSettings::IniFormat);
    managed->setValue(QStringLiteral("SsoEnabled"), 0);
    ServiceSettings turnedOff(std::move(managed), nullptr, stub.url());
    app::AppController offController(turnedOff);
    QVERIFY(
        !offController.window()->signInPage()->ssoButton()->isVisibleTo(offController.window()));
}

void TestJourney::forgottenPasswordResetsThroughTheSameScreen()
{
    const QString userId = QStringLiteral("forgetful");
    QVERIFY(client.addRegisteredUser(userId, QStringLiteral("First#Pass1")));
    ui::SignInPage *signInPage = controller->window()->signInPage();
    auto askForReset = [&](const QString &who) {
        signInPage->userIdField()->clear();
        QTest::keyClicks(signInPage->userIdField(), who);
        QTest::mouseClick(signInPage->forgottenButton(), Qt::LeftButton);
        QTRY_VERIFY(!signInPage->status()->text().isEmpty() && !signInPage->status()->isError()
                    && signInPage->status()->text().contains(QStringLiteral("If that User ID")));
    };
    auto setNewPassword = [&](const QString &password) {
        const QString link = client.newestAppLink(QStringLiteral("reset"));
        QVERIFY(!link.isEmpty());
        controller->openLink(link);
        QTRY_COMPARE(screen(), QStringLiteral("security-information"));
        ui::SecurityInformationPage *page = controller->window()->securityInformationPage();
        QCOMPARE(page->userIdLabel()->text(), userId);
        QTest::keyClicks(page->form()->passwordField(), password);
        QTest::keyClicks(page->form()->confirmationField(), password);
        QTest::mouseClick(page->submitButton(), Qt::LeftButton);
    };

    // The answer is the same for a User ID that does not exist.
    askForReset(userId);
    const QString neutral = signInPage->status()->text();
    signInPage->status()->clear();
    askForReset(QStringLiteral("no.such.user"));
    QCOMPARE(signInPage->status()->text(), neutral);

    // A self-service reset straight after registering is refused by the minimum age.
    setNewPassword(QStringLiteral("Second#Pass2"));
    ui::SecurityInformationPage *page = controller->window()->securityInformationPage();
    QTRY_VERIFY(page->status()->isError());
    QVERIFY(page->status()->text().contains(QStringLiteral("change it again after")));
    QCOMPARE(page->form()->checklist()->stateOf(PolicyRule::MinAge),
             ui::PasswordChecklist::State::NotMet);

    // Three days on (the old reset link has expired by then), a new reset works.
    client.advanceClock(259200);
    controller->showSignIn();
    askForReset(userId);
    setNewPassword(QStringLiteral("Second#Pass2"));
    QTRY_COMPARE(screen(), QStringLiteral("sign-in"));
    QVERIFY(signInPage->status()->text().contains(QStringLiteral("reset")));
    signIn(userId, QStringLiteral("Second#Pass2"));
    QTRY_COMPARE(screen(), QStringLiteral("home"));
}

void TestJourney::lockedAccountSaysWhenToTryAgain()
{
    const QString userId = QStringLiteral("locked.out");
    QVERIFY(client.addRegisteredUser(userId, QStringLiteral("Right#Pass1")));
    ui::SignInPage *page = controller->window()->signInPage();
    for (int attempt = 0; attempt < 5; ++attempt) {
        signIn(userId, QStringLiteral("Wrong#Pass1"));
        QTRY_VERIFY(page->status()->isError());
        page->status()->clear();
    }
    signIn(userId, QStringLiteral("Right#Pass1"));
    QTRY_VERIFY(page->status()->isError());
    QVERIFY2(page->status()->text().contains(QStringLiteral("locked"))
                 && page->status()->text().contains(QStringLiteral("Try again after")),
             qPrintable(page->status()->text()));
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
    QTest::mouseClick(page->ssoButton(), Qt::LeftButton);
    QTRY_VERIFY(page->status()->isError());
    QVERIFY2(page->status()->text().contains(QStringLiteral("NHSmail")),
             qPrintable(page->status()->text()));
    QVERIFY(page->signInButton()->isEnabled());
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
    QTest::keyClicks(page->userIdField(), QStringLiteral("jsmith01"));
    QTest::keyClicks(page->passwordField(), QStringLiteral("Harbour#2025"));
    QTest::mouseClick(page->signInButton(), Qt::LeftButton);

    auto *cancel = page->findChild<QPushButton *>(QStringLiteral("cancelButton"));
    QVERIFY(cancel->isVisible());
    QVERIFY(!page->signInButton()->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY(page->signInButton()->isEnabled());
    QVERIFY(!cancel->isVisible());
    QVERIFY(page->status()->text().contains(QStringLiteral("Cancelled")));

    app.api()->setTimeout(std::chrono::milliseconds(300));
    QTest::keyClicks(page->passwordField(), QStringLiteral("Harbour#2025"));
    QTest::keyClick(page->passwordField(), Qt::Key_Return);
    QVERIFY(cancel->isVisible());
    QTRY_VERIFY(page->status()->isError());
    QVERIFY(page->status()->text().contains(QStringLiteral("taking too long")));
    QVERIFY(page->signInButton()->isEnabled());
}

QTEST_MAIN(TestJourney)
#include "tst_journey.moc"
