// Remembering the sign-in between runs, through the app's own wiring: the real server-stub with
// its stand-in NHSmail (--idp --dev), a test browser doing the person's part over HTTP, and the
// real Secret Service (gnome-keyring in the private session of scripts/with-test-session.sh).
// Also what shared computers change about it: IT policy forbidding it, and the idle sign-out
// (with a clock the test moves on, so minutes pass at once).

#include "app/AppController.h"
#include "app/IdleMonitor.h"
#include "app/NhsMailSignIn.h"
#include "app/SignInMemory.h"
#include "core/api/ApiClient.h"
#include "core/settings/ServiceSettings.h"
#include "tests/support/FindWidget.h"
#include "tests/support/StubClient.h"
#include "tests/support/StubProcess.h"
#include "tests/support/TestBrowser.h"
#include "ui/HomePage.h"
#include "ui/IdleWarningDialog.h"
#include "ui/MainWindow.h"
#include "ui/RequestFeedback.h"
#include "ui/SignInPage.h"
#include "ui/StatusMessage.h"

#include "core/credentials/CredentialStore.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace cqrs;

namespace {

const QString ServiceName = QStringLiteral("CQRS Desktop tests");
const QString UserId = QStringLiteral("jdoe");
const QString Email = QStringLiteral("jdoe@nhs.net"); // StubClient::addRegisteredUser's choice
const QString CqrsPassword = QStringLiteral("Harbour#2025");
const QString NhsMailPassword = QStringLiteral("Stand-in-NHSmail-1");
// Set by the ctest entry that runs with a session bus leading nowhere.
const char *NoStoreVariable = "CQRS_TEST_NO_CREDENTIAL_STORE";

// One run of the app, as main() wires it, with a browser of the test's own.
struct Run
{
    Run(ServiceSettings &settings, TestBrowser &browser)
        : controller(settings)
    {
        controller.setSsoSignIn(new app::NhsMailSignIn(settings.ssoSettings(), browser.opener()));
        controller.setSignInMemory(app::SignInMemory::forSettings(settings, ServiceName));
        controller.showSignIn();
        controller.window()->show();
    }

    QString screen() const { return controller.window()->currentScreenName(); }
    ui::SignInPage *signInPage() const { return controller.window()->signInPage(); }
    ui::HomePage *home() const { return controller.window()->homePage(); }

    app::AppController controller;
};

} // namespace

class TestSignInMemory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void passwordSignInIsRememberedWithoutPasswordAndSignOutForgetsIt();
    void nhsmailSignInIsResumedAtTheNextStartWithoutTheBrowser();
    void resumingShowsProgressWithAWorkingCancel();
    void refusedTokenFallsBackToSignInAndIsForgotten();
    void unreachableProviderKeepsTheToken();
    void unavailableStoreIsSaidPlainly();
    void anotherProviderNeverGetsTheOldToken();
    void policyForbiddingRememberingLeavesNothingInTheStore();
    void idleSignOutWarnsThenRevokesAndForgets();
    // Stops the stub: keep it last.
    void idleSignOutWithTheServerAwayStillSaysWhy();

private:
    QString issuer() const { return stub.url().resolved(QUrl(QStringLiteral("/idp"))).toString(); }
    // `policy` stands in for the values IT sets (the registry key or /etc/xdg file).
    std::unique_ptr<ServiceSettings> settingsWithIssuer(const QString &issuer,
                                                        const QVariantMap &policy = {});
    void signInWithNhsMail(Run &run, TestBrowser &browser);
    // The entry the app uses with settingsWithIssuer(issuer).
    CredentialKey keyFor(const QString &issuer) const
    {
        return {stub.url(), issuer, QStringLiteral("cqrs-desktop")};
    }
    CredentialStore::Result stored(const CredentialKey &key);
    void store(const CredentialKey &key, const RememberedSignIn &signIn);
    void signInWithPassword(Run &run);

    StubProcess stub {{QStringLiteral("--dev"), QStringLiteral("--idp")}};
    StubClient client {stub};
    QTemporaryDir settingsDir;
    CredentialStore credentials {ServiceName};
};

void TestSignInMemory::initTestCase()
{
    if (!qEnvironmentVariableIsSet(NoStoreVariable)
        && qEnvironmentVariable("CQRS_TEST_SESSION") != QLatin1String("inside"))
        QSKIP("needs the private Secret Service: run ctest through scripts/with-test-session.sh");
    QVERIFY(stub.start());
    QVERIFY(client.addRegisteredUser(UserId, CqrsPassword));
    const Reply account = client.post(QStringLiteral("/dev/idp/accounts"),
                                      {{QStringLiteral("email"), Email},
                                       {QStringLiteral("name"), QStringLiteral("Jane Doe")},
                                       {QStringLiteral("password"), NhsMailPassword}});
    QCOMPARE(account.status, 201);
}

void TestSignInMemory::init()
{
    if (qEnvironmentVariableIsSet(NoStoreVariable))
        return;
    std::optional<CredentialStore::Outcome> forgotten;
    credentials.forget(keyFor(issuer()), this, [&](const auto &r) { forgotten = r.outcome; });
    QTRY_VERIFY_WITH_TIMEOUT(forgotten.has_value(), 20000);
    QCOMPARE(*forgotten, CredentialStore::Outcome::Done);
}

std::unique_ptr<ServiceSettings> TestSignInMemory::settingsWithIssuer(const QString &issuer,
                                                                      const QVariantMap &policy)
{
    auto managed = std::make_unique<QSettings>(settingsDir.filePath(QStringLiteral("managed.ini")),
                                               QSettings::IniFormat);
    managed->clear();
    for (auto it = policy.begin(); it != policy.end(); ++it)
        managed->setValue(it.key(), it.value());
    auto user = std::make_unique<QSettings>(settingsDir.filePath(QStringLiteral("user.ini")),
                                            QSettings::IniFormat);
    user->setValue(QStringLiteral("SsoEnabled"), QStringLiteral("true"));
    user->setValue(QStringLiteral("SsoIssuer"), issuer);
    user->setValue(QStringLiteral("SsoClientId"), QStringLiteral("cqrs-desktop"));
    user->setValue(QStringLiteral("SsoScopes"),
                   QStringLiteral("openid profile email offline_access"));
    return std::make_unique<ServiceSettings>(std::move(managed), std::move(user), stub.url());
}

// What the credential store holds for the stub's server, read the way the app reads it.
CredentialStore::Result TestSignInMemory::stored(const CredentialKey &key)
{
    std::optional<CredentialStore::Result> result;
    credentials.recall(key, this, [&](const CredentialStore::Result &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        return {};
    return *result;
}

void TestSignInMemory::store(const CredentialKey &key, const RememberedSignIn &signIn)
{
    std::optional<CredentialStore::Outcome> outcome;
    credentials.remember(key, signIn, this, [&](const auto &r) { outcome = r.outcome; });
    QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, 20000));
    QCOMPARE(*outcome, CredentialStore::Outcome::Done);
}

void TestSignInMemory::signInWithPassword(Run &run)
{
    ui::SignInPage *page = run.signInPage();
    QTest::keyClicks(field(page, "userId"), UserId);
    QTest::keyClicks(field(page, "password"), CqrsPassword);
    QTest::mouseClick(button(page, "signIn"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(run.screen(), QStringLiteral("home"), 15000);
}

void TestSignInMemory::signInWithNhsMail(Run &run, TestBrowser &browser)
{
    QTest::mouseClick(button(run.signInPage(), "signInWithNhsmail"), Qt::LeftButton);
    QVERIFY2(browser.waitUntilOpened(), qPrintable(status(run.signInPage())->text()));
    const TestBrowser::Page answer
        = browser.submitSignIn(browser.openedUrl(), Email, NhsMailPassword);
    QCOMPARE(answer.status, 302);
    QVERIFY(browser.get(answer.location).ok());
    QTRY_COMPARE_WITH_TIMEOUT(run.screen(), QStringLiteral("home"), 15000);
}

void TestSignInMemory::passwordSignInIsRememberedWithoutPasswordAndSignOutForgetsIt()
{
    if (qEnvironmentVariableIsSet(NoStoreVariable))
        QSKIP("needs a credential store");
    const auto settings = settingsWithIssuer(issuer());
    TestBrowser browser;
    Run run(*settings, browser);
    signInWithPassword(run);

    // The method only: a password is never kept, and no token belongs to it.
    QTRY_COMPARE_WITH_TIMEOUT(stored(keyFor(issuer())).outcome, CredentialStore::Outcome::Done,
                              10000);
    QCOMPARE(stored(keyFor(issuer())).signIn,
             (RememberedSignIn {RememberedSignIn::Method::Password, {}}));
    QVERIFY(label(run.home(), "notice")->isHidden());

    // Starting again after a password sign-in just shows the sign-in screen.
    Run next(*settings, browser);
    next.controller.resumeSignIn();
    QTest::qWait(300);
    QCOMPARE(next.screen(), QStringLiteral("sign-in"));
    QVERIFY(!next.signInPage()->feedback()->isBusy());
    QVERIFY(browser.openedUrl().isEmpty());

    QTest::mouseClick(button(run.home(), "signOut"), Qt::LeftButton);
    QTRY_COMPARE(run.screen(), QStringLiteral("sign-in"));
    // The server revoked the session as before; the store holds nothing for this server.
    QCOMPARE(status(run.signInPage())->text(), QStringLiteral("You have signed out."));
    QVERIFY(!run.controller.api()->hasSession());
    QCOMPARE(stored(keyFor(issuer())).outcome, CredentialStore::Outcome::NotFound);
}

void TestSignInMemory::nhsmailSignInIsResumedAtTheNextStartWithoutTheBrowser()
{
    if (qEnvironmentVariableIsSet(NoStoreVariable))
        QSKIP("needs a credential store");
    const auto settings = settingsWithIssuer(issuer());
    QString firstToken;
    {
        TestBrowser browser;
        Run run(*settings, browser);
        signInWithNhsMail(run, browser);
        QCOMPARE(label(run.home(), "userId")->text(), UserId);

        QTRY_COMPARE_WITH_TIMEOUT(stored(keyFor(issuer())).outcome, CredentialStore::Outcome::Done,
                                  10000);
        const RememberedSignIn remembered = *stored(keyFor(issuer())).signIn;
        QCOMPARE(remembered.method, RememberedSignIn::Method::NhsMail);
        QVERIFY(!remembered.refreshToken.isEmpty());
        firstToken = remembered.refreshToken;
    }

    // The next start: signed in with the kept refresh token, no browser at all.
    TestBrowser untouched;
    Run next(*settings, untouched);
    next.controller.resumeSignIn();
    QTRY_COMPARE_WITH_TIMEOUT(next.screen(), QStringLiteral("home"), 15000);
    QCOMPARE(label(next.home(), "userId")->text(), UserId);
    QVERIFY(next.controller.api()->hasSession());
    QVERIFY(untouched.openedUrl().isEmpty());

    // The provider replaced the token at that use; the new one is kept for the start after.
    const CredentialStore::Result afterResume = stored(keyFor(issuer()));
    QCOMPARE(afterResume.outcome, CredentialStore::Outcome::Done);
    QCOMPARE(afterResume.signIn->method, RememberedSignIn::Method::NhsMail);
    QVERIFY(!afterResume.signIn->refreshToken.isEmpty());
    QVERIFY(afterResume.signIn->refreshToken != firstToken);

    QTest::mouseClick(button(next.home(), "signOut"), Qt::LeftButton);
    QTRY_COMPARE(next.screen(), QStringLiteral("sign-in"));
    QCOMPARE(stored(keyFor(issuer())).outcome, CredentialStore::Outcome::NotFound);
}

void TestSignInMemory::resumingShowsProgressWithAWorkingCancel()
{
    if (qEnvironmentVariableIsSet(NoStoreVariable))
        QSKIP("needs a credential store");
    // A provider that accepts connections and never answers keeps the resume in progress.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    const QString silentIssuer = QStringLiteral("http://127.0.0.1:%1/idp").arg(silent.serverPort());
    const auto settings = settingsWithIssuer(silentIssuer);
    const RememberedSignIn remembered {RememberedSignIn::Method::NhsMail,
                                       QStringLiteral("kept-refresh-token")};
    store(keyFor(silentIssuer), remembered);

    TestBrowser browser;
    Run run(*settings, browser);
    run.controller.resumeSignIn();
    ui::RequestFeedback *busy = run.signInPage()->feedback();
    QTRY_VERIFY(busy->isBusy());
    QVERIFY(!button(run.signInPage(), "signIn")->isEnabled());
    QTest::mouseClick(button(run.signInPage(), "cancelButton"), Qt::LeftButton);
    QVERIFY(!busy->isBusy());
    QVERIFY(button(run.signInPage(), "signIn")->isEnabled());
    QCOMPARE(run.screen(), QStringLiteral("sign-in"));
    QVERIFY(!status(run.signInPage())->isError());
    QVERIFY(browser.openedUrl().isEmpty());
    // Cancel is "not now": the remembered sign-in stays for the next start.
    QCOMPARE(stored(keyFor(silentIssuer)).signIn, remembered);
}

void TestSignInMemory::refusedTokenFallsBackToSignInAndIsForgotten()
{
    if (qEnvironmentVariableIsSet(NoStoreVariable))
        QSKIP("needs a credential store");
    const auto settings = settingsWithIssuer(issuer());
    store(keyFor(issuer()),
          {RememberedSignIn::Method::NhsMail, QStringLiteral("expired-or-revoked-token")});

    TestBrowser browser;
    Run run(*settings, browser);
    run.controller.resumeSignIn();
    QTRY_VERIFY_WITH_TIMEOUT(status(run.signInPage())
                                 ->text()
                                 .contains(QStringLiteral("could not sign you in with NHSmail")),
                             15000);
    QCOMPARE(run.screen(), QStringLiteral("sign-in"));
    QVERIFY(!run.signInPage()->feedback()->isBusy());
    QVERIFY(button(run.signInPage(), "signInWithNhsmail")->isEnabled());
    QVERIFY(!run.controller.api()->hasSession());
    QTRY_COMPARE_WITH_TIMEOUT(stored(keyFor(issuer())).outcome, CredentialStore::Outcome::NotFound,
                              10000);
}

void TestSignInMemory::unreachableProviderKeepsTheToken()
{
    if (qEnvironmentVariableIsSet(NoStoreVariable))
        QSKIP("needs a credential store");
    // Offline at start-up: nothing listens where the provider should be.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const QString closedIssuer = QStringLiteral("http://127.0.0.1:%1/idp").arg(port);
    const auto settings = settingsWithIssuer(closedIssuer);
    const RememberedSignIn remembered {RememberedSignIn::Method::NhsMail,
                                       QStringLiteral("kept-refresh-token")};
    store(keyFor(closedIssuer), remembered);

    TestBrowser browser;
    Run run(*settings, browser);
    run.controller.resumeSignIn();
    QTRY_VERIFY_WITH_TIMEOUT(status(run.signInPage())->isError(), 15000);
    QCOMPARE(run.screen(), QStringLiteral("sign-in"));
    QVERIFY(!run.signInPage()->feedback()->isBusy());
    // The token was never refused, so the next start, back online, can still use it.
    QTest::qWait(500);
    QCOMPARE(stored(keyFor(closedIssuer)).signIn, remembered);
    // What the screen said reaches the service desk's details, beside the server's last error.
    const QString details = run.controller.serviceDeskDetails();
    QVERIFY2(details.contains(QStringLiteral("Last NHSmail sign-in problem: ")
                              + status(run.signInPage())->text()),
             qPrintable(details));
    QVERIFY(!details.contains(QStringLiteral("kept-refresh-token")));
}

void TestSignInMemory::unavailableStoreIsSaidPlainly()
{
    if (!qEnvironmentVariableIsSet(NoStoreVariable))
        QSKIP("runs in its own ctest entry, tst_signinmemory_nostore, with no session bus");
    const auto settings = settingsWithIssuer(issuer());
    TestBrowser browser;
    Run run(*settings, browser);
    run.controller.resumeSignIn();
    signInWithPassword(run);

    // Signed in all the same, told plainly that the sign-in will not be remembered.
    QTRY_VERIFY(label(run.home(), "notice")->isVisible());
    QVERIFY2(label(run.home(), "notice")->text().contains(QStringLiteral("will not remember")),
             qPrintable(label(run.home(), "notice")->text()));
    QVERIFY(button(run.home(), "signOut")->isEnabled());
    QVERIFY(button(run.home(), "changePassword")->isEnabled());

    QTest::mouseClick(button(run.home(), "signOut"), Qt::LeftButton);
    QTRY_COMPARE(run.screen(), QStringLiteral("sign-in"));
    QCOMPARE(status(run.signInPage())->text(), QStringLiteral("You have signed out."));
}

void TestSignInMemory::anotherProviderNeverGetsTheOldToken()
{
    if (qEnvironmentVariableIsSet(NoStoreVariable))
        QSKIP("needs a credential store");
    // The token was kept for the stand-in provider; then IT points the app at another one,
    // which records any connection: it must never be offered the old token.
    const RememberedSignIn remembered {RememberedSignIn::Method::NhsMail,
                                       QStringLiteral("token-for-the-first-provider")};
    store(keyFor(issuer()), remembered);
    QTcpServer otherProvider;
    QVERIFY(otherProvider.listen(QHostAddress::LocalHost));
    const auto settings = settingsWithIssuer(
        QStringLiteral("http://127.0.0.1:%1/idp").arg(otherProvider.serverPort()));

    TestBrowser browser;
    Run run(*settings, browser);
    run.controller.resumeSignIn();
    // Long enough for the credential store to answer (a few ms here) and a refresh to start.
    QTest::qWait(1000);
    QVERIFY(!otherProvider.hasPendingConnections());
    QVERIFY(!run.signInPage()->feedback()->isBusy());
    QCOMPARE(run.screen(), QStringLiteral("sign-in"));
    // Nothing is kept for the new provider; the old entry stays the old provider's.
    QCOMPARE(stored(app::SignInMemory::keyFor(*settings)).outcome,
             CredentialStore::Outcome::NotFound);
    QCOMPARE(stored(keyFor(issuer())).signIn, remembered);
}

void TestSignInMemory::policyForbiddingRememberingLeavesNothingInTheStore()
{
    if (qEnvironmentVariableIsSet(NoStoreVariable))
        QSKIP("needs a credential store");
    // What an earlier run kept, before IT made this a shared computer.
    store(keyFor(issuer()), {RememberedSignIn::Method::NhsMail, QStringLiteral("earlier-token")});
    settingsWithIssuer(issuer())->setRememberedUserId(UserId);

    const auto settings = settingsWithIssuer(
        issuer(),
        {{QStringLiteral("AllowRememberSignIn"), 0}, {QStringLiteral("AllowRememberUserId"), 0}});
    TestBrowser browser;
    Run run(*settings, browser);
    run.controller.resumeSignIn();
    // Deleted at start, and not used to sign in.
    QTRY_COMPARE_WITH_TIMEOUT(stored(keyFor(issuer())).outcome, CredentialStore::Outcome::NotFound,
                              10000);
    QCOMPARE(run.screen(), QStringLiteral("sign-in"));
    QVERIFY(field(run.signInPage(), "userId")->text().isEmpty());
    QVERIFY(checkBox(run.signInPage(), "rememberUserId")->isHidden());

    // An NHSmail sign-in with offline_access gets a refresh token: it is not kept.
    signInWithNhsMail(run, browser);
    QTest::qWait(500);
    QCOMPARE(stored(keyFor(issuer())).outcome, CredentialStore::Outcome::NotFound);

    QTest::mouseClick(button(run.home(), "signOut"), Qt::LeftButton);
    QTRY_COMPARE(run.screen(), QStringLiteral("sign-in"));
    signInWithPassword(run);
    QTest::qWait(500);
    QCOMPARE(stored(keyFor(issuer())).outcome, CredentialStore::Outcome::NotFound);
    const QSettings user(settingsDir.filePath(QStringLiteral("user.ini")), QSettings::IniFormat);
    QVERIFY(!user.contains(QStringLiteral("RememberedUserId")));
}

void TestSignInMemory::idleSignOutWarnsThenRevokesAndForgets()
{
    if (qEnvironmentVariableIsSet(NoStoreVariable))
        QSKIP("needs a credential store");
    const auto settings
        = settingsWithIssuer(issuer(), {{QStringLiteral("IdleSignOutMinutes"), 15}});
    TestBrowser browser;
    Run run(*settings, browser);
    using std::chrono::minutes;
    std::chrono::milliseconds now {0};
    auto *monitor
        = new app::IdleMonitor(minutes(settings->idleSignOutMinutes()), [&now] { return now; });
    monitor->setCheckInterval(std::chrono::milliseconds(10));
    run.controller.setIdleMonitor(monitor);
    signInWithPassword(run);
    QTRY_COMPARE_WITH_TIMEOUT(stored(keyFor(issuer())).outcome, CredentialStore::Outcome::Done,
                              10000);
    const auto warning = [&run] {
        return run.controller.window()->findChild<ui::IdleWarningDialog *>();
    };

    // A minute before the limit: a warning with the focus on "Stay signed in".
    now = minutes(13);
    QTest::qWait(100);
    QVERIFY(!warning());
    now = minutes(14);
    QTRY_VERIFY(warning() && warning()->isVisible());
    QPushButton *stay = button(warning(), "staySignedIn");
    QCOMPARE(warning()->focusWidget(), stay);
    QTest::keyClick(stay, Qt::Key_Space);
    QTRY_VERIFY(!warning());
    QCOMPARE(run.screen(), QStringLiteral("home"));

    // Staying counted as use: the next warning is 14 minutes after it, the sign-out 15.
    now = minutes(27);
    QTest::qWait(100);
    QVERIFY(!warning());
    now = minutes(29);
    QTRY_COMPARE(run.screen(), QStringLiteral("sign-in"));
    QVERIFY(!warning());
    // This message only when the server confirmed it revoked the session.
    QCOMPARE(status(run.signInPage())->text(),
             QStringLiteral("You were signed out after 15 minutes without activity, so that "
                            "nobody else can use your CQRS account on this computer. Sign in "
                            "again to carry on."));
    QVERIFY(!run.controller.api()->hasSession());
    QTRY_COMPARE_WITH_TIMEOUT(stored(keyFor(issuer())).outcome, CredentialStore::Outcome::NotFound,
                              10000);
    // Signed out, the clock no longer matters.
    now = minutes(100);
    QTest::qWait(100);
    QVERIFY(!warning());
}

void TestSignInMemory::idleSignOutWithTheServerAwayStillSaysWhy()
{
    const auto settings
        = settingsWithIssuer(issuer(), {{QStringLiteral("IdleSignOutMinutes"), 15}});
    TestBrowser browser;
    Run run(*settings, browser);
    std::chrono::milliseconds now {0};
    auto *monitor = new app::IdleMonitor(std::chrono::minutes(15), [&now] { return now; });
    monitor->setCheckInterval(std::chrono::milliseconds(10));
    run.controller.setIdleMonitor(monitor);
    signInWithPassword(run);

    QVERIFY(stub.stop());
    now = std::chrono::minutes(15);
    QTRY_COMPARE_WITH_TIMEOUT(run.screen(), QStringLiteral("sign-in"), 20000);
    const QString said = status(run.signInPage())->text();
    QVERIFY2(said.startsWith(QStringLiteral("You were signed out after 15 minutes without "
                                            "activity")),
             qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("could not be told")), qPrintable(said));
    QVERIFY(!run.controller.api()->hasSession());
}

QTEST_MAIN(TestSignInMemory)
#include "tst_signinmemory.moc"
