#include "core/api/ApiClient.h"
#include "core/oidc/flow/OidcSignIn.h"
#include "core/settings/ServiceSettings.h"
#include "core/transport/ProxyCredentials.h"
#include "tests/support/ApiOutcome.h"
#include "tests/support/StubClient.h"
#include "tests/support/StubProcess.h"

#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace cqrs;
using cqrs::test::waitFor;

namespace {

const QString ProxyUser = QStringLiteral("practice");
const QString ProxyPassword = QStringLiteral("proxy-secret-1");

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort();
}

// Debian's tinyproxy on loopback, asking for Basic proxy authentication as a practice's
// authenticating proxy does. Runs in the foreground as a child, stopped with the test.
class TinyProxy
{
public:
    bool start()
    {
        const QString binary = QStandardPaths::findExecutable(QStringLiteral("tinyproxy"));
        if (binary.isEmpty())
            return false;
        m_port = freePort();
        const QString config = m_dir.filePath(QStringLiteral("tinyproxy.conf"));
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.write(QStringLiteral("Port %1\nListen 127.0.0.1\nTimeout 30\nMaxClients 20\n"
                                  "LogLevel Info\nBasicAuth %2 %3\n")
                       .arg(m_port)
                       .arg(ProxyUser, ProxyPassword)
                       .toLatin1());
        file.close();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(binary, {QStringLiteral("-d"), QStringLiteral("-c"), config});
        return QTest::qWaitFor(
            [this] {
                QTcpSocket probe;
                probe.connectToHost(QHostAddress::LocalHost, m_port);
                return probe.waitForConnected(200);
            },
            10000);
    }

    ~TinyProxy()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
    }

    QNetworkProxy proxy() const
    {
        return QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), m_port);
    }
    quint16 port() const { return m_port; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

// Plays the person at the proxy credentials dialog: gives `answer` (nullopt: Cancel) and
// counts how often they were asked.
struct Person
{
    std::optional<ProxyCredentials::Credentials> answer;
    int asked = 0;
    QString askedAbout;

    ProxyCredentials::Prompt prompt()
    {
        return [this](const QNetworkProxy &proxy) {
            ++asked;
            askedAbout = proxy.hostName();
            return answer;
        };
    }
};

} // namespace

class TestProxy : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_proxy = std::make_unique<TinyProxy>();
        if (!m_proxy->start())
            QSKIP("tinyproxy is not installed (scripts/install-deps.sh installs it)");
        m_stub = std::make_unique<StubProcess>();
        QVERIFY(m_stub->start());
        QVERIFY(StubClient(*m_stub).addRegisteredUser(QStringLiteral("jsmith01"), Password));
    }

    void cleanup()
    {
        m_stub.reset();
        m_proxy.reset();
    }

    void signsInThroughAnAuthenticatingProxyAskingOnce()
    {
        Person person;
        person.answer = ProxyCredentials::Credentials {ProxyUser, ProxyPassword};
        ProxyCredentials credentials(person.prompt());
        ApiClient client(m_stub->url(), viaProxy(&credentials));

        const auto signedIn = signIn(client);
        QVERIFY2(signedIn.ok(), qPrintable(signedIn.error.userMessage()));
        QCOMPARE(person.asked, 1);
        QCOMPARE(person.askedAbout, QStringLiteral("127.0.0.1"));
        QVERIFY(credentials.hasCredentials());

        // The rest of the session goes through without asking again, from any manager.
        const auto me = waitFor<UserProfile>(
            [&](auto handler) { client.fetchCurrentUser(this, std::move(handler)); });
        QVERIFY(me.ok());
        ApiClient another(m_stub->url(), viaProxy(&credentials));
        QVERIFY(waitFor<PasswordPolicy>([&](auto handler) {
                    another.fetchPasswordPolicy(this, std::move(handler));
                }).ok());
        QCOMPARE(person.asked, 1);
    }

    void wrongCredentialsAreTriedOnceThenAskedForAgain()
    {
        Person person;
        person.answer = ProxyCredentials::Credentials {ProxyUser, QStringLiteral("wrong")};
        ProxyCredentials credentials(person.prompt());
        QSignalSpy refused(&credentials, &ProxyCredentials::refused);
        ApiClient client(m_stub->url(), viaProxy(&credentials));

        const auto first = signIn(client);
        QCOMPARE(first.error.kind, ApiError::Kind::ProxyRefused);
        QCOMPARE(person.asked, 1);
        QCOMPARE(refused.count(), 1);
        QVERIFY(!credentials.hasCredentials());
        QVERIFY(first.error.userMessage().contains(QStringLiteral("proxy server did not accept")));

        person.answer = ProxyCredentials::Credentials {ProxyUser, ProxyPassword};
        QVERIFY(signIn(client).ok());
        QCOMPARE(person.asked, 2);
    }

    void cancelFailsTheRequestWithoutSigningIn()
    {
        Person person; // presses Cancel
        ProxyCredentials credentials(person.prompt());
        ApiClient client(m_stub->url(), viaProxy(&credentials));
        const auto result = signIn(client);
        QCOMPARE(result.error.kind, ApiError::Kind::ProxyRefused);
        QCOMPARE(person.asked, 1);
        QVERIFY(!client.hasSession());
    }

    void proxyThatIsDownIsNamed()
    {
        const ProxySetting down
            = ProxySetting::parse(QStringLiteral("http://127.0.0.1:%1").arg(freePort()));
        ApiClient client(m_stub->url(), NetworkAccess(down, {}));
        const auto result = signIn(client);
        QCOMPARE(result.error.kind, ApiError::Kind::ProxyUnreachable);
        QVERIFY(result.error.userMessage().contains(QStringLiteral("proxy server")));
    }

    void nhsMailSignInUsesTheSameProxy()
    {
        // Discovery goes to the stand-in provider on the stub; the proxy asking proves which
        // way it went, and Cancel ends the sign-in with a message.
        m_stub = std::make_unique<StubProcess>(
            QStringList {QStringLiteral("--dev"), QStringLiteral("--idp")});
        QVERIFY(m_stub->start());
        Person person;
        ProxyCredentials credentials(person.prompt());
        OidcSignIn signIn(
            {m_stub->url(QStringLiteral("/idp")).toString(), QStringLiteral("cqrs-desktop")},
            viaProxy(&credentials));
        QSignalSpy failed(&signIn, &OidcSignIn::failed);
        signIn.start([](const QUrl &) { return true; });
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QCOMPARE(person.asked, 1);
    }

    void systemConfigurationIsTheDefault()
    {
        // On Linux the system configuration is the proxy environment; a host that is not
        // this machine goes through it (this one does not exist, so only the proxy answers).
        qputenv("http_proxy",
                QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port()).toLatin1());
        Person person;
        ProxyCredentials credentials(person.prompt());
        ApiClient client(QUrl(QStringLiteral("http://cqrs.invalid/")),
                         ServiceSettings(nullptr, nullptr).networkAccess(&credentials));
        const auto result = signIn(client);
        qunsetenv("http_proxy");
        QCOMPARE(result.error.kind, ApiError::Kind::ProxyRefused);
        QCOMPARE(person.asked, 1);
    }

    void proxyPolicyValues_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("warned");
        QTest::newRow("not set") << "" << int(ProxySetting::Mode::System) << false;
        QTest::newRow("direct") << "direct" << int(ProxySetting::Mode::Direct) << false;
        QTest::newRow("DIRECT") << " DIRECT " << int(ProxySetting::Mode::Direct) << false;
        QTest::newRow("a proxy") << "http://proxy.practice.nhs.uk:8080"
                                 << int(ProxySetting::Mode::Explicit) << false;
        QTest::newRow("password in it") << "http://user:secret@proxy.practice.nhs.uk:8080"
                                        << int(ProxySetting::Mode::System) << true;
        QTest::newRow("no port") << "http://proxy.practice.nhs.uk"
                                 << int(ProxySetting::Mode::System) << true;
        QTest::newRow("not a URL") << "proxy please" << int(ProxySetting::Mode::System) << true;
    }

    void proxyPolicyValues()
    {
        QFETCH(QString, value);
        QFETCH(int, mode);
        QFETCH(bool, warned);
        QString problem;
        const ProxySetting setting = ProxySetting::parse(value, &problem);
        QCOMPARE(int(setting.mode()), mode);
        QCOMPARE(!problem.isEmpty(), warned);
        if (setting.mode() == ProxySetting::Mode::Explicit) {
            QCOMPARE(setting.proxy().hostName(), QStringLiteral("proxy.practice.nhs.uk"));
            QCOMPARE(setting.proxy().port(), 8080);
        }
    }

    void onlyItPolicySetsTheProxy()
    {
        QTemporaryDir dir;
        auto managed = std::make_unique<QSettings>(dir.filePath(QStringLiteral("policy.ini")),
                                                   QSettings::IniFormat);
        auto user = std::make_unique<QSettings>(dir.filePath(QStringLiteral("user.ini")),
                                                QSettings::IniFormat);
        user->setValue(QLatin1String(ServiceSettings::ProxyUrlKey),
                       QStringLiteral("http://attacker.example:3128"));
        const ServiceSettings byUser(nullptr, std::move(user));
        QCOMPARE(byUser.networkAccess(nullptr).proxy().mode(), ProxySetting::Mode::System);

        managed->setValue(QLatin1String(ServiceSettings::ProxyUrlKey), QStringLiteral("direct"));
        const ServiceSettings byPolicy(std::move(managed), nullptr);
        QCOMPARE(byPolicy.networkAccess(nullptr).proxy().mode(), ProxySetting::Mode::Direct);
    }

private:
    static inline const QString Password = QStringLiteral("Correct-Horse-Battery-9");

    NetworkAccess viaProxy(ProxyCredentials *credentials) const
    {
        return NetworkAccess(
            ProxySetting::parse(QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port())), {},
            credentials);
    }

    ApiResult<UserProfile> signIn(ApiClient &client)
    {
        return waitFor<UserProfile>([&](auto handler) {
            client.signIn(QStringLiteral("jsmith01"), Password, this, std::move(handler));
        });
    }

    std::unique_ptr<TinyProxy> m_proxy;
    std::unique_ptr<StubProcess> m_stub;
};

QTEST_GUILESS_MAIN(TestProxy)
#include "tst_proxy.moc"
