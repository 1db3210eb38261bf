// End to end: "Sign in with NHSmail" against the real cqrs-server-stub running its stand-in
// identity provider (--idp --dev), with a test browser doing the person's part over HTTP.

#include "tests/support/StubClient.h"
#include "tests/support/StubProcess.h"
#include "tests/support/TestBrowser.h"

#include "core/api/ApiClient.h"
#include "core/oidc/flow/OidcSignIn.h"
#include "core/oidc/token/Base64Url.h"
#include "core/oidc/token/JsonWebToken.h"
#include "core/oidc/token/Pkce.h"
#include "core/oidc/token/RsaKey.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUrlQuery>
#include <QtTest>

using namespace cqrs;

namespace {

const QString Jane = QStringLiteral("jane.doe@nhs.net");
const QString Outsider = QStringLiteral("outsider@example.com");
const QString Unregistered = QStringLiteral("nobody@gp.nhs.net");
const QString Password = QStringLiteral("Stand-in-NHSmail-1");
const QString ClientId = QStringLiteral("cqrs-desktop");

QString queryValue(const QUrl &url, const char *name)
{
    return QUrlQuery(url).queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
}

QUrl withQueryValue(QUrl url, const char *name, const QString &value)
{
    QUrlQuery query(url);
    query.removeAllQueryItems(QLatin1String(name));
    query.addQueryItem(QLatin1String(name), value);
    url.setQuery(query);
    return url;
}

// One sign-in attempt as the app runs it, with the signals it ends in.
struct Attempt
{
    explicit Attempt(const OidcClientConfig &config)
        : signIn(config)
        , finished(&signIn, &OidcSignIn::finished)
        , failed(&signIn, &OidcSignIn::failed)
    { }

    bool start()
    {
        signIn.start(browser.opener());
        return browser.waitUntilOpened();
    }
    bool waitForEnd(int timeoutMs = 15000)
    {
        return QTest::qWaitFor([this] { return finished.count() + failed.count() > 0; }, timeoutMs);
    }
    QString idToken() const
    {
        return finished.isEmpty() ? QString() : finished.first().first().toString();
    }
    QString error() const
    {
        return failed.isEmpty() ? QString() : failed.first().first().toString();
    }

    OidcSignIn signIn;
    TestBrowser browser;
    QSignalSpy finished;
    QSignalSpy failed;
};

} // namespace

class TestSso : public QObject
{
    Q_OBJECT

private:
    OidcClientConfig config() const
    {
        return {m_stub->url(QStringLiteral("/idp")).toString(),
                ClientId,
                {QStringLiteral("openid"), QStringLiteral("email"), QStringLiteral("profile")}};
    }

    // The provider's redirect towards the app after a successful sign-in.
    QUrl signInAt(Attempt &attempt, const QString &email = Jane)
    {
        const TestBrowser::Page page
            = attempt.browser.submitSignIn(attempt.browser.openedUrl(), email, Password);
        if (page.status != 302)
            qWarning("sign-in page answered %d: %s", page.status, page.body.left(300).constData());
        return page.location;
    }

    // A complete client-side sign-in; the validated id_token, or empty.
    QString idTokenFor(const QString &email)
    {
        Attempt attempt(config());
        if (!attempt.start())
            return {};
        attempt.browser.get(signInAt(attempt, email));
        attempt.waitForEnd();
        return attempt.idToken();
    }

    Reply exchange(const QString &idToken)
    {
        return m_client->post(QStringLiteral("/api/v1/sessions/sso"),
                              {{QStringLiteral("idToken"), idToken}});
    }

    // The stand-in provider's private key, straight from its database, to forge tokens with.
    std::optional<RsaPrivateKey> providerKey(QString *keyId)
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("provider-key"));
        db.setDatabaseName(m_stub->databasePath());
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        std::optional<RsaPrivateKey> key;
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT key_id, private_key_pem FROM idp_signing_keys"))
                && query.next()) {
                *keyId = query.value(0).toString();
                key = RsaPrivateKey::fromPem(query.value(1).toString().toLatin1());
            }
        }
        db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("provider-key"));
        return key;
    }

    // The stand-in's "sub" for an account, which its CQRS user is bound to after one sign-in.
    QString subjectOf(const QString &email)
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("provider-sub"));
        db.setDatabaseName(m_stub->databasePath());
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QString subject;
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT subject FROM idp_accounts WHERE email = ?"));
            query.addBindValue(email);
            if (query.exec() && query.next())
                subject = query.value(0).toString();
        }
        db = {};
        QSqlDatabase::removeDatabase(QStringLiteral("provider-sub"));
        return subject;
    }

    // Claims as the stand-in would sign them for `email`'s account (or for `subject`), each set
    // made unique by its jti: the server spends every id_token it accepts.
    QJsonObject claimsFor(const QString &email, const QString &subject = {})
    {
        static int serial = 0;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        return {{QStringLiteral("iss"), config().issuer},
                {QStringLiteral("sub"), subject.isEmpty() ? subjectOf(email) : subject},
                {QStringLiteral("aud"), ClientId},
                {QStringLiteral("email"), email},
                {QStringLiteral("jti"), QStringLiteral("forged-%1").arg(++serial)},
                {QStringLiteral("iat"), now},
                {QStringLiteral("exp"), now + 300}};
    }

    // `claims` signed with the stand-in provider's own key: a token it could have issued.
    QString forge(const QJsonObject &claims)
    {
        QString keyId;
        const auto key = providerKey(&keyId);
        return key ? QString::fromLatin1(JsonWebToken::signRs256(claims, keyId, *key)) : QString();
    }

    QString userIdOf(const Reply &session) const
    {
        return session.json()
            .value(QStringLiteral("user"))
            .toObject()
            .value(QStringLiteral("userId"))
            .toString();
    }

    std::unique_ptr<StubProcess> m_stub;
    std::unique_ptr<StubClient> m_client;

private slots:
    void initTestCase()
    {
        m_stub = std::make_unique<StubProcess>(
            QStringList {QStringLiteral("--dev"), QStringLiteral("--idp")});
        QVERIFY(m_stub->start());
        m_client = std::make_unique<StubClient>(*m_stub);
        QVERIFY(!m_client->createUser(QStringLiteral("jdoe"), Jane).isEmpty());
        QVERIFY(!m_client->createUser(QStringLiteral("outsider"), Outsider).isEmpty());
        for (const QString &email : {Jane, Outsider, Unregistered}) {
            const Reply added = m_client->post(QStringLiteral("/dev/idp/accounts"),
                                               {{QStringLiteral("email"), email},
                                                {QStringLiteral("name"), QStringLiteral("Tester")},
                                                {QStringLiteral("password"), Password}});
            QCOMPARE(added.status, 201);
        }
    }

    void discoveryOffersWhatTheAppAsksFor()
    {
        // The app asks for offline_access to keep a sign-in; a provider that lists its scopes
        // must list it (OpenID Connect Discovery §3).
        const Reply discovery
            = m_client->get(QStringLiteral("/idp/.well-known/openid-configuration"));
        QCOMPARE(discovery.status, 200);
        const QJsonArray scopes
            = discovery.json().value(QStringLiteral("scopes_supported")).toArray();
        for (const char *scope : {"openid", "email", "profile", "offline_access"})
            QVERIFY2(scopes.contains(QString::fromLatin1(scope)), scope);
    }

    void signsInEndToEndAndGetsACqrsSession()
    {
        Attempt attempt(config());
        QVERIFY(attempt.start());
        const QUrl authorize = attempt.browser.openedUrl();
        QCOMPARE(attempt.signIn.step(), OidcSignIn::Step::WaitingForBrowser);

        // RFC 8252 loopback redirect, PKCE S256, state and nonce in the request.
        const QUrl redirect(queryValue(authorize, "redirect_uri"));
        QVERIFY2(QRegularExpression(QStringLiteral("^http://127\\.0\\.0\\.1:\\d+/$"))
                     .match(redirect.toString())
                     .hasMatch(),
                 qPrintable(redirect.toString()));
        QCOMPARE(queryValue(authorize, "code_challenge_method"), QStringLiteral("S256"));
        QCOMPARE(queryValue(authorize, "code_challenge").size(), 43);
        QCOMPARE(queryValue(authorize, "state").size(), 43);
        QCOMPARE(queryValue(authorize, "nonce").size(), 43);
        QVERIFY(queryValue(authorize, "scope").split(u' ').contains(QStringLiteral("openid")));

        // Browsers ask for a favicon: it is not the redirect and must not end the sign-in.
        QCOMPARE(
            attempt.browser.get(redirect.resolved(QUrl(QStringLiteral("/favicon.ico")))).status,
            404);
        QCOMPARE(attempt.signIn.step(), OidcSignIn::Step::WaitingForBrowser);

        const QUrl back = signInAt(attempt);
        QCOMPARE(back.adjusted(QUrl::RemoveQuery), redirect);
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]+$"))
                    .match(queryValue(back, "code"))
                    .hasMatch());
        const TestBrowser::Page closing = attempt.browser.get(back);
        QVERIFY(closing.ok());
        QVERIFY(closing.body.contains("You can close this tab"));

        QVERIFY(attempt.waitForEnd());
        QVERIFY2(attempt.failed.isEmpty(), qPrintable(attempt.error()));
        QCOMPARE(attempt.signIn.claims().email, Jane);
        QVERIFY(!attempt.signIn.isRunning());
        QVERIFY(attempt.signIn.refreshToken().isEmpty()); // no offline_access asked for

        // The id_token becomes a CQRS session for the user with that NHSmail address.
        ApiClient api(m_stub->url(QString()));
        std::optional<ApiResult<UserProfile>> session;
        api.signInWithIdToken(attempt.idToken(), this,
                              [&](const ApiResult<UserProfile> &result) { session = result; });
        QTRY_VERIFY_WITH_TIMEOUT(session.has_value(), 10000);
        QVERIFY2(session->ok(), qPrintable(session->error.userMessage()));
        QCOMPARE(session->value->userId, QStringLiteral("jdoe"));
        QVERIFY(api.hasSession());
    }

    void bindsThePersonNotTheAddress()
    {
        // The first NHSmail sign-in binds jdoe to the stand-in's iss + sub for Jane.
        QCOMPARE(exchange(idTokenFor(Jane)).status, 201);

        // Someone else holding Jane's address now (a reassigned mailbox) is refused, whether the
        // address comes as "email" or as Entra ID's "preferred_username".
        QJsonObject other = claimsFor(Jane, QStringLiteral("someone-else"));
        const Reply refused = exchange(forge(other));
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.error(), QStringLiteral("nhsmail_mismatch"));
        QVERIFY2(refused.json()
                     .value(QStringLiteral("message"))
                     .toString()
                     .contains(QStringLiteral("contact the CQRS Service Desk")),
                 refused.body.constData());
        other = claimsFor(Jane, QStringLiteral("someone-else"));
        other.remove(QStringLiteral("email"));
        other.insert(QStringLiteral("preferred_username"), Jane);
        QCOMPARE(exchange(forge(other)).error(), QStringLiteral("nhsmail_mismatch"));

        // Jane herself, whose NHSmail address changed, is still jdoe: the address no longer
        // decides, not even when it is another CQRS user's.
        const Reply renamed = exchange(forge(claimsFor(Outsider, subjectOf(Jane))));
        QCOMPARE(renamed.status, 201);
        QCOMPARE(userIdOf(renamed), QStringLiteral("jdoe"));
    }

    // Emails to `to` whose subject contains `subject`, from the stub's outbox.
    int emailsTo(const QString &to, const QString &subject)
    {
        int count = 0;
        for (const QJsonValue email : m_client->get(QStringLiteral("/dev/outbox")).array()) {
            const QJsonObject object = email.toObject();
            if (object.value(QStringLiteral("to")).toString() == to
                && object.value(QStringLiteral("subject")).toString().contains(subject))
                ++count;
        }
        return count;
    }

    void tellsThePersonWhenNhsMailIsFirstLinked()
    {
        const QString linker = QStringLiteral("lee.linker@nhs.net");
        QVERIFY(!m_client->createUser(QStringLiteral("llinker"), linker).isEmpty());
        QCOMPARE(m_client
                     ->post(QStringLiteral("/dev/idp/accounts"),
                            {{QStringLiteral("email"), linker},
                             {QStringLiteral("name"), QStringLiteral("Lee Linker")},
                             {QStringLiteral("password"), Password}})
                     .status,
                 201);
        const QString linked = QStringLiteral("NHSmail sign-in was linked");
        QCOMPARE(emailsTo(linker, linked), 0);
        QCOMPARE(exchange(idTokenFor(linker)).status, 201);
        QTRY_COMPARE(emailsTo(linker, linked), 1);
        // Only the first sign-in links; later ones tell nobody anything new.
        QCOMPARE(exchange(idTokenFor(linker)).status, 201);
        QTest::qWait(300);
        QCOMPARE(emailsTo(linker, linked), 1);
    }

    void opensOneSessionPerIdToken()
    {
        const QString idToken = idTokenFor(Jane);
        QCOMPARE(exchange(idToken).status, 201);
        const Reply replayed = exchange(idToken);
        QCOMPARE(replayed.status, 401);
        QCOMPARE(replayed.error(), QStringLiteral("invalid_token"));
        QVERIFY2(replayed.json()
                     .value(QStringLiteral("message"))
                     .toString()
                     .contains(QStringLiteral("already been used")),
                 replayed.body.constData());
    }

    void anAdministratorCanUnlinkTheNhsMailAccount()
    {
        QCOMPARE(exchange(idTokenFor(Jane)).status, 201); // bound, whatever ran before
        QString out;
        QCOMPARE(m_stub->runCommand({QStringLiteral("user"), QStringLiteral("unlink-nhsmail"),
                                     QStringLiteral("--db"), m_stub->databasePath(),
                                     QStringLiteral("--user-id"), QStringLiteral("jdoe")},
                                    &out),
                 0);
        QVERIFY2(out.contains(QStringLiteral("unlinked")), qPrintable(out));
        QCOMPARE(m_stub->runCommand({QStringLiteral("user"), QStringLiteral("unlink-nhsmail"),
                                     QStringLiteral("--db"), m_stub->databasePath(),
                                     QStringLiteral("--user-id"), QStringLiteral("jdoe")}),
                 1);

        // The next NHSmail sign-in with the address binds afresh: here, a new identity.
        const Reply rebound = exchange(forge(claimsFor(Jane, QStringLiteral("new-identity"))));
        QCOMPARE(rebound.status, 201);
        QCOMPARE(userIdOf(rebound), QStringLiteral("jdoe"));
        QCOMPARE(exchange(idTokenFor(Jane)).error(), QStringLiteral("nhsmail_mismatch"));

        // Put Jane's own identity back for the tests after this one.
        QCOMPARE(m_stub->runCommand({QStringLiteral("user"), QStringLiteral("unlink-nhsmail"),
                                     QStringLiteral("--db"), m_stub->databasePath(),
                                     QStringLiteral("--user-id"), QStringLiteral("jdoe")}),
                 0);
        QCOMPARE(exchange(idTokenFor(Jane)).status, 201);
    }

    void signsInAgainWithARefreshToken()
    {
        OidcClientConfig offline = config();
        offline.scopes.append(QStringLiteral("offline_access"));
        Attempt attempt(offline);
        QVERIFY(attempt.start());
        attempt.browser.get(signInAt(attempt));
        QVERIFY(attempt.waitForEnd());
        const QString remembered = attempt.signIn.refreshToken();
        QVERIFY(!remembered.isEmpty());

        // Later, without the browser: a new id_token (no nonce) and a rotated refresh token.
        Attempt silent(offline);
        silent.signIn.refresh(remembered);
        QVERIFY(silent.waitForEnd());
        QVERIFY2(silent.failed.isEmpty(), qPrintable(silent.error()));
        QVERIFY(silent.browser.openedUrl().isEmpty());
        QCOMPARE(silent.signIn.claims().email, Jane);
        QVERIFY(!silent.signIn.refreshToken().isEmpty());
        QVERIFY(silent.signIn.refreshToken() != remembered);
        QCOMPARE(exchange(silent.idToken()).status, 201);

        // The used refresh token is retired: a stolen copy works at most once.
        Attempt replay(offline);
        replay.signIn.refresh(remembered);
        QVERIFY(replay.waitForEnd());
        QVERIFY(replay.finished.isEmpty());
        QVERIFY2(replay.error().contains(QStringLiteral("Sign in again")),
                 qPrintable(replay.error()));

        // Presenting it again revoked its whole family (RFC 9700 §4.14.2): the newest token,
        // whoever holds it, no longer works either.
        replay.failed.clear();
        replay.signIn.refresh(silent.signIn.refreshToken());
        QVERIFY(replay.waitForEnd());
        QVERIFY(replay.finished.isEmpty());
        QVERIFY2(replay.error().contains(QStringLiteral("Sign in again")),
                 qPrintable(replay.error()));

        // Signing in again starts a new family. A failed refresh left nothing stuck (Qt 6.4's
        // flow would stay in RefreshingToken): the same object refreshes with the new token.
        Attempt again(offline);
        QVERIFY(again.start());
        again.browser.get(signInAt(again));
        QVERIFY(again.waitForEnd());
        QVERIFY(!again.signIn.refreshToken().isEmpty());
        replay.failed.clear();
        replay.signIn.refresh(again.signIn.refreshToken());
        QVERIFY(replay.waitForEnd());
        QVERIFY2(replay.failed.isEmpty(), qPrintable(replay.error()));
        QCOMPARE(replay.finished.count(), 1);
    }

    void reusingARefreshTokenRevokesOnlyItsFamily()
    {
        OidcClientConfig offline = config();
        offline.scopes.append(QStringLiteral("offline_access"));
        const auto signedIn = [&] {
            Attempt attempt(offline);
            attempt.start();
            attempt.browser.get(signInAt(attempt));
            attempt.waitForEnd();
            return attempt.signIn.refreshToken();
        };
        const auto refreshed = [&](const QString &token) {
            Attempt silent(offline);
            silent.signIn.refresh(token);
            silent.waitForEnd();
            return silent.signIn.refreshToken();
        };
        const QString otherDevice = signedIn();
        const QString stolen = signedIn();
        const QString victims = refreshed(stolen);
        const QString attackers = refreshed(victims); // the thief rotated the copy first
        QVERIFY(!otherDevice.isEmpty() && !victims.isEmpty() && !attackers.isEmpty());

        QVERIFY(refreshed(victims).isEmpty()); // the person's turn: a reuse
        QVERIFY(refreshed(attackers).isEmpty()); // so the thief's token died with it
        QVERIFY(!refreshed(otherDevice).isEmpty()); // another sign-in is another family
    }

    // The browser is started with its address on the command line, which every program on the
    // computer can read. What is there is a one-time start page: a program that opens it first
    // learns the state and challenge, signs in as its own NHSmail user and sends the app that
    // code; the browser's own visit then shows the page was taken, and the attempt ends.
    void aStartPageOpenedBeforeTheBrowserEndsTheAttempt()
    {
        Attempt attempt(config());
        QVERIFY(attempt.start());
        TestBrowser intruder;
        const TestBrowser::Page taken = intruder.get(attempt.browser.openedStartPage());
        QCOMPARE(taken.status, 302);
        QCOMPARE(attempt.signIn.step(), OidcSignIn::Step::WaitingForBrowser);

        // The person's browser arrives: the page was taken.
        const TestBrowser::Page late = attempt.browser.get(attempt.browser.openedStartPage());
        QVERIFY(late.ok());
        QVERIFY(late.body.contains("did not complete"));
        QVERIFY(attempt.waitForEnd());
        QVERIFY2(attempt.error().contains(QStringLiteral("opened twice")),
                 qPrintable(attempt.error()));

        // The intruder's own sign-in, finished, reaches nobody.
        const TestBrowser::Page redirect
            = intruder.submitSignIn(taken.location, Outsider, Password);
        QCOMPARE(redirect.status, 302);
        QVERIFY(intruder.get(redirect.location).ok());
        QTest::qWait(200);
        QCOMPARE(attempt.finished.count(), 0);
    }

    void usesAFreshStateAndVerifierForEveryAttempt()
    {
        Attempt attempt(config());
        QVERIFY(attempt.start());
        const QUrl first = attempt.browser.openedUrl();
        attempt.signIn.cancel();
        QVERIFY(!attempt.signIn.isRunning());
        // A browser still arriving at the old redirect address is told the sign-in was
        // cancelled, and its answer reaches nobody.
        QUrl late(queryValue(first, "redirect_uri"));
        late.setQuery(QStringLiteral("code=late&state=") + queryValue(first, "state"));
        const TestBrowser::Page lateAnswer = attempt.browser.get(late);
        QVERIFY(lateAnswer.ok());
        QVERIFY(lateAnswer.body.contains("was cancelled"));

        attempt.signIn.start(attempt.browser.opener());
        QTRY_VERIFY(attempt.browser.openedUrl() != first);
        const QUrl second = attempt.browser.openedUrl();
        for (const char *name : {"state", "nonce", "code_challenge"})
            QVERIFY2(queryValue(first, name) != queryValue(second, name), name);
        attempt.signIn.cancel();
        QTest::qWait(100);
        QVERIFY(attempt.finished.isEmpty() && attempt.failed.isEmpty());
    }

    void ignoresAnAnswerWithAWrongState()
    {
        // Any local program can reach the loopback address: a forged answer must neither end
        // the sign-in nor pass for the browser's.
        Attempt attempt(config());
        QVERIFY(attempt.start());
        const QUrl back = signInAt(attempt);
        for (const char *forged : {"forged-state", ""}) {
            const TestBrowser::Page page = attempt.browser.get(
                withQueryValue(withQueryValue(back, "error", QStringLiteral("access_denied")),
                               "state", QString::fromLatin1(forged)));
            QVERIFY2(page.body.contains("ignored this page"), page.body.constData());
            QVERIFY(attempt.signIn.isRunning());
        }
        QVERIFY(attempt.failed.isEmpty());

        const TestBrowser::Page page = attempt.browser.get(back);
        QVERIFY2(page.body.contains("has received your NHSmail sign-in"), page.body.constData());
        QVERIFY(attempt.waitForEnd());
        QCOMPARE(attempt.finished.count(), 1);
    }

    void refusesAReplayedCode()
    {
        Attempt first(config());
        QVERIFY(first.start());
        const QUrl used = signInAt(first);
        first.browser.get(used);
        QVERIFY(first.waitForEnd());
        QCOMPARE(first.finished.count(), 1);

        // A second attempt is handed the first one's (already redeemed) code.
        Attempt second(config());
        QVERIFY(second.start());
        const QUrl fresh = signInAt(second);
        second.browser.get(withQueryValue(fresh, "code", queryValue(used, "code")));
        QVERIFY(second.waitForEnd());
        QVERIFY(second.finished.isEmpty());
        QVERIFY2(second.error().contains(QStringLiteral("already been used")),
                 qPrintable(second.error()));
    }

    void refusesAWrongNonce()
    {
        // An attacker swaps the nonce on the way to the provider: the token that comes back
        // does not belong to this attempt.
        Attempt attempt(config());
        QVERIFY(attempt.start());
        const QUrl tampered
            = withQueryValue(attempt.browser.openedUrl(), "nonce", QStringLiteral("other-nonce"));
        const TestBrowser::Page page = attempt.browser.submitSignIn(tampered, Jane, Password);
        QCOMPARE(page.status, 302);
        attempt.browser.get(page.location);
        QVERIFY(attempt.waitForEnd());
        QVERIFY(attempt.finished.isEmpty());
        QVERIFY2(
            attempt.error().contains(QStringLiteral("does not belong to this sign-in attempt")),
            qPrintable(attempt.error()));
    }

    void reportsThePersonCancellingAtTheProvider()
    {
        Attempt attempt(config());
        QVERIFY(attempt.start());
        const TestBrowser::Page page = attempt.browser.submitSignIn(
            attempt.browser.openedUrl(), QString(), QString(), QStringLiteral("cancel"));
        QCOMPARE(queryValue(page.location, "error"), QStringLiteral("access_denied"));
        QVERIFY(attempt.browser.get(page.location).body.contains("sign-in was cancelled"));
        QVERIFY(attempt.waitForEnd());
        QVERIFY2(attempt.error().contains(QStringLiteral("cancelled or refused")),
                 qPrintable(attempt.error()));
    }

    void wrongPasswordStaysOnTheProvidersPage()
    {
        Attempt attempt(config());
        QVERIFY(attempt.start());
        const TestBrowser::Page page = attempt.browser.submitSignIn(
            attempt.browser.openedUrl(), Jane, QStringLiteral("not-the-password"));
        QCOMPARE(page.status, 401);
        QVERIFY(page.body.contains("not right"));
        QVERIFY(attempt.signIn.isRunning());
        attempt.signIn.cancel();
    }

    void timesOutWhenTheBrowserNeverComesBack()
    {
        Attempt attempt(config());
        attempt.signIn.setTimeout(std::chrono::milliseconds(500));
        QVERIFY(attempt.start());
        QVERIFY(attempt.waitForEnd(5000));
        QVERIFY2(attempt.error().contains(QStringLiteral("not completed in time")),
                 qPrintable(attempt.error()));
    }

    void reportsABrowserThatCannotOpen()
    {
        OidcSignIn signIn(config());
        QSignalSpy failed(&signIn, &OidcSignIn::failed);
        signIn.start([](const QUrl &) { return false; });
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("browser")));
    }

    void refusesAMisconfiguredIssuer_data()
    {
        QTest::addColumn<QString>("issuerPath");
        QTest::addColumn<QString>("expected");
        QTest::newRow("nothing there") << "/no-idp-here"
                                       << "Could not reach";
        QTest::newRow("document names another issuer") << "/idp/"
                                                       << "different issuer";
    }

    void refusesAMisconfiguredIssuer()
    {
        QFETCH(QString, issuerPath);
        QFETCH(QString, expected);
        OidcClientConfig wrong = config();
        wrong.issuer = m_stub->url(issuerPath).toString();
        Attempt attempt(wrong);
        attempt.signIn.start(attempt.browser.opener());
        QVERIFY(attempt.waitForEnd());
        QVERIFY2(attempt.error().contains(expected), qPrintable(attempt.error()));
        QVERIFY(attempt.browser.openedUrl().isEmpty());
    }

    void providerEnforcesPkceAndTheRedirect_data()
    {
        QTest::addColumn<QString>("verifier");
        QTest::addColumn<QString>("redirectSuffix");
        QTest::addColumn<int>("status");
        QTest::newRow("right verifier") << "right"
                                        << "" << 200;
        QTest::newRow("missing verifier") << ""
                                          << "" << 400;
        QTest::newRow("wrong verifier") << "other"
                                        << "" << 400;
        QTest::newRow("different redirect") << "right"
                                            << "x" << 400;
    }

    void providerEnforcesPkceAndTheRedirect()
    {
        QFETCH(QString, verifier);
        QFETCH(QString, redirectSuffix);
        QFETCH(int, status);
        const Pkce pkce = Pkce::generate();
        const QString redirect = QStringLiteral("http://127.0.0.1:9/");
        const QUrl authorize = TestBrowser::authorizeUrl(
            m_stub->url(QStringLiteral("/idp/authorize")), ClientId, redirect, pkce.challenge);
        TestBrowser browser;
        const TestBrowser::Page page = browser.submitSignIn(authorize, Jane, Password);
        QCOMPARE(page.status, 302);
        const QString code = queryValue(page.location, "code");
        QVERIFY(!code.isEmpty());

        QList<QPair<QString, QString>> fields {
            {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
            {QStringLiteral("code"), code},
            {QStringLiteral("client_id"), ClientId},
            {QStringLiteral("redirect_uri"), redirect + redirectSuffix}};
        if (verifier == QLatin1String("right"))
            fields.append({QStringLiteral("code_verifier"), pkce.verifier});
        else if (verifier == QLatin1String("other"))
            fields.append({QStringLiteral("code_verifier"), Pkce::generate().verifier});
        const TestBrowser::Page token
            = browser.postForm(m_stub->url(QStringLiteral("/idp/token")), fields);
        QCOMPARE(token.status, status);
        if (status != 200)
            QCOMPARE(QJsonDocument::fromJson(token.body).object().value(QStringLiteral("error")),
                     QJsonValue(QStringLiteral("invalid_grant")));
    }

    void providerNeverRedirectsToAForeignAddress()
    {
        QUrl authorize = m_stub->url(QStringLiteral("/idp/authorize"));
        authorize.setQuery(QStringLiteral("response_type=code&client_id=cqrs-desktop&scope=openid"
                                          "&state=s&nonce=n&code_challenge_method=S256"
                                          "&code_challenge=%1&redirect_uri=https://evil.example/")
                               .arg(Pkce::generate().challenge));
        TestBrowser browser;
        const TestBrowser::Page page = browser.get(authorize);
        QCOMPARE(page.status, 400);
        QVERIFY(page.location.isEmpty());
    }

    void serverMapsOnlyRegisteredNhsMailAddresses_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not NHSmail") << Outsider << "only for NHSmail addresses";
        QTest::newRow("no CQRS account") << Unregistered << "No CQRS account uses";
    }

    void serverMapsOnlyRegisteredNhsMailAddresses()
    {
        QFETCH(QString, email);
        QFETCH(QString, expected);
        const QString idToken = idTokenFor(email);
        QVERIFY(!idToken.isEmpty());
        const Reply refused = exchange(idToken);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.error(), QStringLiteral("not_registered"));
        QVERIFY2(refused.json().value(QStringLiteral("message")).toString().contains(expected),
                 refused.body.constData());
    }

    void serverRefusesBadIdTokens_data()
    {
        QTest::addColumn<QString>("forgery");
        for (const char *row : {"bad signature", "wrong aud", "azp of another app", "wrong iss",
                                "expired", "alg none", "HS256", "unknown kid", "not a JWT"})
            QTest::newRow(row) << QString::fromLatin1(row);
    }

    void serverRefusesBadIdTokens()
    {
        QFETCH(QString, forgery);
        QString keyId;
        const auto key = providerKey(&keyId);
        QVERIFY(key);
        // Positive control: the forging setup makes tokens the server accepts.
        QCOMPARE(exchange(forge(claimsFor(Jane))).status, 201);

        QJsonObject claims = claimsFor(Jane);
        QString token;
        const auto sign = [&] {
            return QString::fromLatin1(JsonWebToken::signRs256(claims, keyId, *key));
        };
        const auto unsignedWith = [&](const char *alg) {
            const QJsonObject header {{QStringLiteral("alg"), QLatin1String(alg)},
                                      {QStringLiteral("kid"), keyId}};
            return QString::fromLatin1(
                Base64Url::encode(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
                + Base64Url::encode(QJsonDocument(claims).toJson(QJsonDocument::Compact))
                + (qstrcmp(alg, "none") == 0 ? "." : ".c2lnbmF0dXJl"));
        };
        if (forgery == QLatin1String("bad signature")) {
            token = QString::fromLatin1(
                JsonWebToken::signRs256(claims, keyId, RsaPrivateKey::generate()));
        } else if (forgery == QLatin1String("wrong aud")) {
            claims.insert(QStringLiteral("aud"), QStringLiteral("another-app"));
            token = sign();
        } else if (forgery == QLatin1String("azp of another app")) {
            claims.insert(QStringLiteral("azp"), QStringLiteral("another-app"));
            token = sign();
        } else if (forgery == QLatin1String("wrong iss")) {
            claims.insert(QStringLiteral("iss"), QStringLiteral("https://evil.example/idp"));
            token = sign();
        } else if (forgery == QLatin1String("expired")) {
            claims.insert(QStringLiteral("exp"), QDateTime::currentSecsSinceEpoch() - 3600);
            token = sign();
        } else if (forgery == QLatin1String("alg none")) {
            token = unsignedWith("none");
        } else if (forgery == QLatin1String("HS256")) {
            token = unsignedWith("HS256");
        } else if (forgery == QLatin1String("unknown kid")) {
            token = QString::fromLatin1(
                JsonWebToken::signRs256(claims, QStringLiteral("rotated-away"), *key));
        } else {
            token = QStringLiteral("not-a-jwt");
        }
        const Reply refused = exchange(token);
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.error(), QStringLiteral("invalid_token"));
        QVERIFY(!refused.json().value(QStringLiteral("message")).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSso)
#include "tst_sso.moc"
