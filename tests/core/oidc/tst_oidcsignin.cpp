// OidcSignIn against a minimal provider served in-process with cpp-httplib, for what the
// stand-in NHSmail never does: an authorization code with characters that need encoding, which
// Qt 6.4 percent-encodes twice on its way to the token endpoint.

#include "core/oidc/flow/OidcSignIn.h"
#include "core/oidc/token/JsonWebKeySet.h"
#include "core/oidc/token/JsonWebToken.h"
#include "core/oidc/token/RsaKey.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrlQuery>
#include <QtTest>

#include <httplib.h>

#include <mutex>
#include <thread>

using namespace cqrs;

namespace {

const QString ClientId = QStringLiteral("desktop-client");

// Discovery, JWKS and a token endpoint that records what it was sent and answers with an
// id_token for the nonce the test gives it.
class MiniProvider
{
public:
    MiniProvider()
        : m_key(RsaPrivateKey::generate())
    {
        m_port = m_server.bind_to_any_port("127.0.0.1");
        m_server.Get(
            "/.well-known/openid-configuration",
            [this](const httplib::Request &, httplib::Response &response) {
                const QString base = issuer();
                const QJsonObject document {
                    {QStringLiteral("issuer"), base},
                    {QStringLiteral("authorization_endpoint"), base + QStringLiteral("/authorize")},
                    {QStringLiteral("token_endpoint"), base + QStringLiteral("/token")},
                    {QStringLiteral("jwks_uri"), base + QStringLiteral("/jwks")}};
                response.set_content(QJsonDocument(document).toJson().toStdString(),
                                     "application/json");
            });
        m_server.Get("/jwks", [this](const httplib::Request &, httplib::Response &response) {
            JsonWebKeySet keys;
            keys.add(QStringLiteral("k"), m_key.publicKey());
            response.set_content(keys.toJson().toStdString(), "application/json");
        });
        m_server.Post(
            "/token", [this](const httplib::Request &request, httplib::Response &response) {
                const std::lock_guard lock(m_mutex);
                m_receivedCode = QString::fromStdString(request.get_param_value("code"));
                m_receivedVerifier
                    = QString::fromStdString(request.get_param_value("code_verifier"));
                const qint64 now = QDateTime::currentSecsSinceEpoch();
                const QJsonObject claims {{QStringLiteral("iss"), issuer()},
                                          {QStringLiteral("sub"), QStringLiteral("s")},
                                          {QStringLiteral("aud"), ClientId},
                                          {QStringLiteral("email"), QStringLiteral("a@nhs.net")},
                                          {QStringLiteral("nonce"), m_nonce},
                                          {QStringLiteral("iat"), now},
                                          {QStringLiteral("exp"), now + 60}};
                const QJsonObject answer {{QStringLiteral("access_token"), QStringLiteral("at")},
                                          {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                          {QStringLiteral("id_token"),
                                           QString::fromLatin1(JsonWebToken::signRs256(
                                               claims, QStringLiteral("k"), m_key))}};
                response.set_content(QJsonDocument(answer).toJson().toStdString(),
                                     "application/json");
            });
        m_thread = std::thread([this] { m_server.listen_after_bind(); });
    }
    ~MiniProvider()
    {
        m_server.stop();
        m_thread.join();
    }

    QString issuer() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    void expectNonce(const QString &nonce)
    {
        const std::lock_guard lock(m_mutex);
        m_nonce = nonce;
    }
    QString receivedCode()
    {
        const std::lock_guard lock(m_mutex);
        return m_receivedCode;
    }
    QString receivedVerifier()
    {
        const std::lock_guard lock(m_mutex);
        return m_receivedVerifier;
    }

private:
    RsaPrivateKey m_key;
    httplib::Server m_server;
    int m_port = 0;
    std::thread m_thread;
    std::mutex m_mutex;
    QString m_nonce;
    QString m_receivedCode;
    QString m_receivedVerifier;
};

// What a browser does with the app's one-time start page: follow its redirect.
QUrl followStartPage(const QUrl &start)
{
    QNetworkAccessManager browser;
    QNetworkRequest request(start);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = browser.get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000))
        return {};
    reply->deleteLater();
    return QUrl::fromEncoded(reply->rawHeader("Location"));
}

} // namespace

class TestOidcSignIn : public QObject
{
    Q_OBJECT

private slots:
    void sendsAnAwkwardCodeEncodedOnce()
    {
        MiniProvider provider;
        OidcSignIn signIn({provider.issuer(), ClientId, {QStringLiteral("openid")}});
        QSignalSpy finished(&signIn, &OidcSignIn::finished);
        QSignalSpy failed(&signIn, &OidcSignIn::failed);
        QUrl authorize;
        signIn.start([&](const QUrl &url) {
            authorize = url;
            return true;
        });
        QTRY_VERIFY(!authorize.isEmpty());
        authorize = followStartPage(authorize);
        const QUrlQuery request(authorize);
        provider.expectNonce(request.queryItemValue(QStringLiteral("nonce")));

        // What a provider's redirect carries for the code "a/b+c%d&e=f g".
        const QString code = QStringLiteral("a/b+c%d&e=f g");
        QUrl back(request.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        back.setQuery(QStringLiteral("code=") + QString::fromLatin1(QUrl::toPercentEncoding(code))
                          + QStringLiteral("&state=")
                          + request.queryItemValue(QStringLiteral("state")),
                      QUrl::StrictMode);
        QNetworkAccessManager browser;
        QNetworkReply *page = browser.get(QNetworkRequest(back));
        QTRY_VERIFY(page->isFinished());
        page->deleteLater();

        QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 10000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QCOMPARE(provider.receivedCode(), code);
        QCOMPARE(provider.receivedVerifier().size(), 43);
        QCOMPARE(signIn.claims().email, QStringLiteral("a@nhs.net"));
    }
};

QTEST_GUILESS_MAIN(TestOidcSignIn)
#include "tst_oidcsignin.moc"
