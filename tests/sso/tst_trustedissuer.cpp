// --trust-issuer: POST /api/v1/sessions/sso trusting an external OpenID provider through its
// discovery document and JWKS, as the real CQRS service trusts NHSmail. The "external" provider
// is a real cqrs-server-stub process running its stand-in (--idp); the trusting side is the
// stub's own SSO route module served in-process on another port.

#include "tests/support/StubClient.h"
#include "tests/support/StubProcess.h"
#include "tests/support/TestBrowser.h"

#include "core/oidc/flow/OidcSignIn.h"
#include "core/oidc/token/IdTokenVerifier.h"
#include "server-stub/http/Router.h"
#include "server-stub/routes/ApiRoutes.h"
#include "server-stub/service/Backend.h"
#include "server-stub/service/RemoteKeySource.h"

#include <QSignalSpy>
#include <QUrlQuery>
#include <QtTest>

#include <httplib.h>

#include <thread>

using namespace cqrs;

namespace {

const QString Jane = QStringLiteral("jane.doe@nhs.net");
const QString Password = QStringLiteral("Stand-in-NHSmail-1");
const QString ClientId = QStringLiteral("cqrs-desktop");

} // namespace

class TestTrustedIssuer : public QObject
{
    Q_OBJECT

private:
    QString issuer() const { return m_provider->url(QStringLiteral("/idp")).toString(); }

    QString idTokenFromProvider()
    {
        OidcSignIn signIn({issuer(), ClientId, {QStringLiteral("openid")}});
        QSignalSpy finished(&signIn, &OidcSignIn::finished);
        TestBrowser browser;
        signIn.start(browser.opener());
        if (!browser.waitUntilOpened())
            return {};
        const TestBrowser::Page page = browser.submitSignIn(browser.openedUrl(), Jane, Password);
        browser.get(page.location);
        finished.wait(10000);
        return finished.isEmpty() ? QString() : finished.first().first().toString();
    }

    std::unique_ptr<StubProcess> m_provider;
    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        m_provider = std::make_unique<StubProcess>(
            QStringList {QStringLiteral("--dev"), QStringLiteral("--idp")});
        QVERIFY(m_provider->start());
        StubClient client(*m_provider);
        QCOMPARE(client
                     .post(QStringLiteral("/dev/idp/accounts"),
                           {{QStringLiteral("email"), Jane},
                            {QStringLiteral("name"), QStringLiteral("Jane Doe")},
                            {QStringLiteral("password"), Password}})
                     .status,
                 201);
    }

    void remoteKeysVerifyTheProvidersTokens()
    {
        const QString idToken = idTokenFromProvider();
        QVERIFY(!idToken.isEmpty());
        stub::RemoteKeySource keys(issuer());
        const IdTokenVerifier verifier(IdTokenValidator({issuer(), ClientId, std::nullopt}), keys);
        std::optional<IdTokenCheck> check;
        verifier.verify(idToken.toLatin1(), [&](const IdTokenCheck &result) { check = result; });
        QVERIFY(check && check->isValid());

        stub::RemoteKeySource nowhere(QStringLiteral("http://127.0.0.1:9/idp"));
        const IdTokenVerifier lost(IdTokenValidator({issuer(), ClientId, std::nullopt}), nowhere);
        check.reset();
        lost.verify(idToken.toLatin1(), [&](const IdTokenCheck &result) { check = result; });
        QVERIFY(check && !check->isValid());
        QVERIFY2(check->message.contains(QStringLiteral("could not be reached")),
                 qPrintable(check->message));
    }

    void sessionRouteTrustsTheExternalIssuer()
    {
        stub::BackendSettings settings;
        settings.databasePath = m_dir.filePath(QStringLiteral("trusting.sqlite"));
        stub::Backend backend(settings);
        stub::User jane;
        jane.userId = QStringLiteral("jdoe");
        jane.displayName = QStringLiteral("Jane Doe");
        jane.email = Jane;
        jane.createdAtMs = backend.clock().nowMs();
        QVERIFY(backend.users().create(jane));

        const stub::RouteContext context {
            backend, {}, false, stub::SsoTrust::external(issuer(), ClientId)};
        stub::Router router;
        stub::addSsoSessionRoutes(router, context);
        httplib::Server server;
        router.install(server);
        const int port = server.bind_to_any_port("127.0.0.1");
        QVERIFY(port > 0);
        std::thread serving([&server] { server.listen_after_bind(); });

        const QString idToken = idTokenFromProvider();
        httplib::Client client("127.0.0.1", port);
        const auto post = [&](const QString &token) {
            const QByteArray body
                = QJsonDocument(QJsonObject {{QStringLiteral("idToken"), token}}).toJson();
            return client.Post("/api/v1/sessions/sso", body.toStdString(), "application/json");
        };
        const auto accepted = post(idToken);
        const auto forged = post(idToken.left(idToken.size() - 4) + QStringLiteral("AAAA"));
        server.stop();
        serving.join();

        QVERIFY(accepted);
        QCOMPARE(accepted->status, 201);
        QCOMPARE(QJsonDocument::fromJson(QByteArray::fromStdString(accepted->body))
                     .object()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("userId"))
                     .toString(),
                 QStringLiteral("jdoe"));
        QVERIFY(forged);
        QCOMPARE(forged->status, 401);
    }
};

QTEST_GUILESS_MAIN(TestTrustedIssuer)
#include "tst_trustedissuer.moc"
