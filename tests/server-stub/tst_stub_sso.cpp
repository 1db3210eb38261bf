// POST /api/v1/sessions/sso on a real stub process with its stand-in NHSmail (--idp): which
// CQRS account a verified NHSmail address signs in to.

#include "tests/support/StubClient.h"
#include "tests/support/TestBrowser.h"

#include "core/oidc/flow/OidcSignIn.h"

#include <QSignalSpy>
#include <QTest>

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

    void cleanupTestCase() { QVERIFY(m_stub.stop()); }
};

QTEST_GUILESS_MAIN(TestStubSso)
#include "tst_stub_sso.moc"
