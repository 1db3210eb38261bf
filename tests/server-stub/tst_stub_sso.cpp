// POST /api/v1/sessions/sso on a real stub process with its stand-in NHSmail (--idp): which
// CQRS account a verified NHSmail address signs in to; and the stand-in's own defences.

#include "tests/support/StubClient.h"
#include "tests/support/TestBrowser.h"

#include "core/oidc/flow/OidcSignIn.h"
#include "core/oidc/token/Pkce.h"

#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace cqrs;

namespace {

const QString Shared = QStringLiteral("shared.mailbox@nhs.net");
const QString Password = QStringLiteral("Stand-in-NHSmail-1");

} // namespace

class TestStubSso : public QObject
{
    Q_OBJECT

private:
    StubProcess m_stub {{QStringLiteral("--dev"), QStringLiteral("--idp")}};
    std::unique_ptr<StubClient> m_client;

    QString idTokenFor(const QString &email)
    {
        OidcSignIn signIn({m_stub.url(QStringLiteral("/idp")).toString(),
                           QStringLiteral("cqrs-desktop"),
                           {QStringLiteral("openid"), QStringLiteral("email")}});
        QSignalSpy finished(&signIn, &OidcSignIn::finished);
        TestBrowser browser;
        signIn.start(browser.opener());
        if (!browser.waitUntilOpened())
            return {};
        const TestBrowser::Page page = browser.submitSignIn(browser.openedUrl(), email, Password);
        browser.get(page.location);
        finished.wait(10000);
        return finished.isEmpty() ? QString() : finished.first().first().toString();
    }

    // The stand-in provider's answer to an authorization request from `clientId` that asks to
    // return to `redirectUri`.
    Reply authorize(const QString &redirectUri,
                    const QString &clientId = QStringLiteral("cqrs-desktop"))
    {
        const QUrl url = TestBrowser::authorizeUrl(
            m_stub.url(QStringLiteral("/idp/authorize")), clientId, redirectUri,
            QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"),
            QStringLiteral("openid email"));
        return m_client->get(url.path() + QLatin1Char('?') + url.query(QUrl::FullyEncoded));
    }

    // An id_token from the stand-in provider the way a client gets one, the nonce always "n1"
    // (TestBrowser::authorizeUrl), so that two tokens can differ in nothing chosen by the client.
    QString idTokenWithFixedNonce(const QString &email)
    {
        const Pkce pkce = Pkce::generate();
        const QString redirect = QStringLiteral("http://127.0.0.1:5555/");
        TestBrowser browser;
        const TestBrowser::Page page = browser.submitSignIn(
            TestBrowser::authorizeUrl(m_stub.url(QStringLiteral("/idp/authorize")),
                                      QStringLiteral("cqrs-desktop"), redirect, pkce.challenge,
                                      QStringLiteral("openid email")),
            email, Password);
        const TestBrowser::Page token = browser.postForm(
            m_stub.url(QStringLiteral("/idp/token")),
            {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
             {QStringLiteral("code"),
              QUrlQuery(page.location).queryItemValue(QStringLiteral("code"))},
             {QStringLiteral("client_id"), QStringLiteral("cqrs-desktop")},
             {QStringLiteral("redirect_uri"), redirect},
             {QStringLiteral("code_verifier"), pkce.verifier}});
        return QJsonDocument::fromJson(token.body)
            .object()
            .value(QStringLiteral("id_token"))
            .toString();
    }

    static QString claim(const QString &jwt, const QString &name)
    {
        const QByteArray payload = QByteArray::fromBase64(
            jwt.section(QLatin1Char('.'), 1, 1).toLatin1(), QByteArray::Base64UrlEncoding);
        return QJsonDocument::fromJson(payload).object().value(name).toString();
    }

    QString authorizeWithChallenge(const QString &challenge)
    {
        const QUrl url = TestBrowser::authorizeUrl(
            m_stub.url(QStringLiteral("/idp/authorize")), QStringLiteral("cqrs-desktop"),
            QStringLiteral("http://127.0.0.1:5555/"), challenge, QStringLiteral("openid email"));
        const TestBrowser::Page page = TestBrowser().get(url);
        if (page.ok())
            return QStringLiteral("form");
        return QUrlQuery(page.location).queryItemValue(QStringLiteral("error"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!StubProcess::binary().isEmpty(), "CQRS_SERVER_STUB is not set");
        QVERIFY(m_stub.start());
        m_client = std::make_unique<StubClient>(m_stub);
        QCOMPARE(m_client
                     ->post(QStringLiteral("/dev/idp/accounts"),
                            {{QStringLiteral("email"), Shared},
                             {QStringLiteral("name"), QStringLiteral("Shared Mailbox")},
                             {QStringLiteral("password"), Password}})
                     .status,
                 201);
    }

    void anAddressOfSeveralAccountsSignsInToNone()
    {
        QVERIFY(!m_client->createUser(QStringLiteral("first.holder"), Shared).isEmpty());
        QVERIFY(!m_client->createUser(QStringLiteral("second.holder"), Shared).isEmpty());
        const QString idToken = idTokenFor(Shared);
        QVERIFY(!idToken.isEmpty());
        const Reply refused = m_client->post(QStringLiteral("/api/v1/sessions/sso"),
                                             {{QStringLiteral("idToken"), idToken}});
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.error(), QStringLiteral("not_registered"));
        QVERIFY2(refused.body.contains("More than one CQRS account"), refused.body.constData());
    }

    void onlyLoopbackAddressesAreRedirectTargets()
    {
        QCOMPARE(authorize(QStringLiteral("http://127.0.0.1:5555/")).status, 200);
        QCOMPARE(authorize(QStringLiteral("http://[::1]:5555/")).status, 200);
        // RFC 8252 §8.3: "localhost" may resolve elsewhere, so only the literal addresses.
        const Reply localhost = authorize(QStringLiteral("http://localhost:5555/"));
        QCOMPARE(localhost.status, 400);
        QVERIFY(localhost.body.contains("loopback address"));
    }

    void refusalsShowTheRequestAsText()
    {
        const Reply refused
            = authorize(QStringLiteral("http://127.0.0.1:5555/"), QStringLiteral("<b>a&b</b>"));
        QCOMPARE(refused.status, 400);
        // Escaped exactly once: neither markup nor a visible "&amp;".
        QVERIFY2(refused.body.contains("&lt;b&gt;a&amp;b&lt;/b&gt;"), refused.body.constData());
        QVERIFY(!refused.body.contains("<b>a"));
        QVERIFY(!refused.body.contains("&amp;lt;"));
    }

    void everyIdTokenIsUnique()
    {
        const QString email = QStringLiteral("twice.signed@nhs.net");
        QVERIFY(m_client->addRegisteredUser(QStringLiteral("twice.signed"),
                                            QStringLiteral("Tidal-Orchard-64")));
        QCOMPARE(m_client
                     ->post(QStringLiteral("/dev/idp/accounts"),
                            {{QStringLiteral("email"), email},
                             {QStringLiteral("name"), QStringLiteral("Twice Signed")},
                             {QStringLiteral("password"), Password}})
                     .status,
                 201);
        // Same account, client and nonce, most likely within the same second: still two
        // tokens, each good for one session.
        const QString first = idTokenWithFixedNonce(email);
        const QString second = idTokenWithFixedNonce(email);
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        QVERIFY(!claim(first, QStringLiteral("jti")).isEmpty());
        QVERIFY(claim(first, QStringLiteral("jti")) != claim(second, QStringLiteral("jti")));
        for (const QString &idToken : {first, second})
            QCOMPARE(m_client
                         ->post(QStringLiteral("/api/v1/sessions/sso"),
                                {{QStringLiteral("idToken"), idToken}})
                         .status,
                     201);
    }

    void anS256ChallengeHasExactlyOneLength()
    {
        // RFC 7636 §4.2: BASE64URL(SHA256(verifier)) is always 43 characters.
        QCOMPARE(authorizeWithChallenge(Pkce::generate().challenge), QStringLiteral("form"));
        QCOMPARE(authorizeWithChallenge(QString(42, u'a')), QStringLiteral("invalid_request"));
        QCOMPARE(authorizeWithChallenge(QString(44, u'a')), QStringLiteral("invalid_request"));
        QCOMPARE(authorizeWithChallenge(QString(128, u'a')), QStringLiteral("invalid_request"));
        QCOMPARE(authorizeWithChallenge(QStringLiteral("a")), QStringLiteral("invalid_request"));
        QCOMPARE(authorizeWithChallenge(QString(42, u'a') + u'='),
                 QStringLiteral("invalid_request"));
    }

    // Last: it moves the server's clock, and the client checks id_tokens against real time.
    void theProviderPausesPasswordGuessingPerAccount()
    {
        const QString guessed = QStringLiteral("guessed@nhs.net");
        QCOMPARE(m_client
                     ->post(QStringLiteral("/dev/idp/accounts"),
                            {{QStringLiteral("email"), guessed},
                             {QStringLiteral("name"), QStringLiteral("Guessed")},
                             {QStringLiteral("password"), Password}})
                     .status,
                 201);
        const QUrl authorize = TestBrowser::authorizeUrl(
            m_stub.url(QStringLiteral("/idp/authorize")), QStringLiteral("cqrs-desktop"),
            QStringLiteral("http://127.0.0.1:5555/"),
            QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        TestBrowser browser;
        const auto signIn = [&](const QString &email, const QString &password) {
            return browser.submitSignIn(authorize, email, password);
        };

        // An address with an account and one without answer alike, wrong password by wrong
        // password, so the pause tells nobody which addresses exist.
        for (const QString &email : {guessed, QStringLiteral("nobody.here@nhs.net")}) {
            for (int wrong = 1; wrong < 5; ++wrong) {
                const TestBrowser::Page page = signIn(email, QStringLiteral("guess-%1").arg(wrong));
                QCOMPARE(page.status, 401);
                QVERIFY2(page.body.contains("After 5 wrong password(s) in a row, signing in is "
                                            "paused for 15 minute(s)"),
                         page.body.constData());
            }
            const TestBrowser::Page paused = signIn(email, QStringLiteral("guess-5"));
            QCOMPARE(paused.status, 429);
            QVERIFY2(paused.body.contains("Try again in 15 minute(s)"), paused.body.constData());
        }
        // The right password does not get through the pause; other accounts are not paused.
        QCOMPARE(signIn(guessed, Password).status, 429);
        QCOMPARE(signIn(Shared, Password).status, 302);

        m_client->advanceClock(15 * 60);
        QCOMPARE(signIn(guessed, Password).status, 302);
    }

    void cleanupTestCase() { QVERIFY(m_stub.stop()); }
};

QTEST_GUILESS_MAIN(TestStubSso)
#include "tst_stub_sso.moc"
