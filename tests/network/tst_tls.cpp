#include "core/api/ApiClient.h"
#include "core/settings/ServiceSettings.h"
#include "tests/support/ApiOutcome.h"
#include "tests/support/StubProcess.h"

#include <QCryptographicHash>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace cqrs;

namespace {

// A throwaway certificate authority, made with the openssl command the way an inspection
// proxy's CA would be, and server certificates it issues.
class ThrowawayCa
{
public:
    bool create()
    {
        return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                        QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                        QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                        QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                        QStringLiteral("/CN=Example Inspection CA"), QStringLiteral("-keyout"),
                        path(QStringLiteral("ca.key")), QStringLiteral("-out"), caPem()});
    }

    QString caPem() const { return path(QStringLiteral("ca.pem")); }

    // A server certificate for `altName` ("IP:127.0.0.1", "DNS:…") valid for `days` from now
    // (-1: expired yesterday). Its key is `<name>.key`.
    QString issue(const QString &name, const QString &altName, int days = 2)
    {
        const QString key = keyFor(name);
        const QString request = path(name + QStringLiteral(".csr"));
        const QString extensions = path(name + QStringLiteral(".ext"));
        QFile ext(extensions);
        if (!ext.open(QIODevice::WriteOnly)
            || ext.write("subjectAltName=" + altName.toLatin1() + "\n") <= 0)
            return {};
        ext.close();
        const QString cert = path(name + QStringLiteral(".pem"));
        const bool made
            = openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
                       QStringLiteral("-nodes"), QStringLiteral("-subj"),
                       QStringLiteral("/CN=") + altName.section(QLatin1Char(':'), 1),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), request})
            && openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                        request, QStringLiteral("-CA"), caPem(), QStringLiteral("-CAkey"),
                        path(QStringLiteral("ca.key")), QStringLiteral("-CAcreateserial"),
                        QStringLiteral("-days"), QString::number(days), QStringLiteral("-extfile"),
                        extensions, QStringLiteral("-out"), cert});
        return made ? cert : QString();
    }

    QString keyFor(const QString &name) const { return path(name + QStringLiteral(".key")); }
    QString path(const QString &file) const { return m_dir.filePath(file); }

private:
    static bool openssl(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral("openssl"), arguments);
        return process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit
            && process.exitCode() == 0;
    }

    QTemporaryDir m_dir;
};

QString fingerprintOf(const QString &pemPath)
{
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(pemPath);
    return certs.isEmpty()
        ? QString()
        : QString::fromLatin1(certs.first().digest(QCryptographicHash::Sha256).toHex(':'))
              .toUpper();
}

ApiResult<PasswordPolicy> fetchPolicy(const QUrl &server, const NetworkAccess &network)
{
    ApiClient client(server, network);
    QObject receiver;
    return cqrs::test::waitFor<PasswordPolicy>(
        [&](auto handler) { client.fetchPasswordPolicy(&receiver, handler); });
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!m_ca.create())
            QSKIP("the openssl command is not available to make test certificates");
    }

    void untrustedIssuerIsNamedWithTheCertificateFacts()
    {
        const QString cert = m_ca.issue(QStringLiteral("server"), QStringLiteral("IP:127.0.0.1"));
        QVERIFY(!cert.isEmpty());
        StubProcess stub({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"),
                          m_ca.keyFor(QStringLiteral("server"))});
        QVERIFY(stub.start());

        const auto refused = fetchPolicy(stub.url(), NetworkAccess());
        QCOMPARE(refused.error.kind, ApiError::Kind::InsecureConnection);
        QVERIFY(refused.error.tls);
        QCOMPARE(refused.error.tls->reason, TlsProblem::Reason::UntrustedIssuer);
        QCOMPARE(refused.error.userMessage(),
                 QStringLiteral("The secure connection to the CQRS server could not be checked: "
                                "the certificate was issued by 'Example Inspection CA', which "
                                "this computer does not trust. Your IT team can fix this."));
        const QString details = refused.error.tls->details();
        QVERIFY2(details.contains(QStringLiteral("Example Inspection CA")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("Certificate subject: 127.0.0.1")),
                 qPrintable(details));
        QVERIFY2(details.contains(fingerprintOf(cert)), qPrintable(details));
        QVERIFY(refused.error.tls->validUntil > QDateTime::currentDateTimeUtc());
    }

    void policyCaIsTrustedOnTopOfTheSystemStore()
    {
        const QString cert = m_ca.issue(QStringLiteral("trusted"), QStringLiteral("IP:127.0.0.1"));
        StubProcess stub({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"),
                          m_ca.keyFor(QStringLiteral("trusted"))});
        QVERIFY(stub.start());

        // As IT would set it: the policy names the CA's PEM file.
        QTemporaryDir dir;
        auto managed = std::make_unique<QSettings>(dir.filePath(QStringLiteral("policy.ini")),
                                                   QSettings::IniFormat);
        managed->setValue(QLatin1String(ServiceSettings::ExtraCaCertificatesKey), m_ca.caPem());
        const ServiceSettings settings(std::move(managed), nullptr);
        const NetworkAccess network = settings.networkAccess(nullptr);
        QCOMPARE(network.extraCaCertificates().size(), 1);

        const auto accepted = fetchPolicy(stub.url(), network);
        QVERIFY2(accepted.ok(), qPrintable(accepted.error.userMessage()));
        // Added to, not replacing, the system's roots.
        QVERIFY(network.extraCaCertificates().first().issuerDisplayName()
                == QStringLiteral("Example Inspection CA"));
    }

    void expiredCertificateIsExplained()
    {
        const QString cert
            = m_ca.issue(QStringLiteral("expired"), QStringLiteral("IP:127.0.0.1"), -1);
        StubProcess stub({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"),
                          m_ca.keyFor(QStringLiteral("expired"))});
        QVERIFY(stub.start());
        const auto refused = fetchPolicy(
            stub.url(), NetworkAccess({}, NetworkAccess::loadCaCertificates(m_ca.caPem())));
        QCOMPARE(refused.error.kind, ApiError::Kind::InsecureConnection);
        QCOMPARE(refused.error.tls->reason, TlsProblem::Reason::Expired);
        QVERIFY2(refused.error.userMessage().contains(QStringLiteral("certificate expired on")),
                 qPrintable(refused.error.userMessage()));
    }

    void wrongHostNameIsExplained()
    {
        const QString cert
            = m_ca.issue(QStringLiteral("elsewhere"), QStringLiteral("DNS:cqrs.example.org"));
        StubProcess stub({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"),
                          m_ca.keyFor(QStringLiteral("elsewhere"))});
        QVERIFY(stub.start());
        const auto refused = fetchPolicy(
            stub.url(), NetworkAccess({}, NetworkAccess::loadCaCertificates(m_ca.caPem())));
        QCOMPARE(refused.error.kind, ApiError::Kind::InsecureConnection);
        QCOMPARE(refused.error.tls->reason, TlsProblem::Reason::WrongHost);
        QVERIFY2(refused.error.userMessage().contains(
                     QStringLiteral("the certificate is for 'cqrs.example.org', not for "
                                    "'127.0.0.1'")),
                 qPrintable(refused.error.userMessage()));
    }

    void unreadableCaFileIsIgnoredWithAReason()
    {
        QString problem;
        QVERIFY(
            NetworkAccess::loadCaCertificates(m_ca.path(QStringLiteral("missing.pem")), &problem)
                .isEmpty());
        QVERIFY(problem.contains(QStringLiteral("cannot read")));
    }

private:
    ThrowawayCa m_ca;
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
