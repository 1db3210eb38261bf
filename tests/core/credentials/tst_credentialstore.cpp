#include "core/credentials/CredentialStore.h"

#include <QProcess>
#include <QSignalSpy>
#include <QtTest>

using namespace cqrs;

namespace {

const QUrl Server(QStringLiteral("https://cqrs.example.nhs.uk/some/path"));
const QUrl OtherServer(QStringLiteral("https://cqrs.example.nhs.uk:8443/"));
const char *ChildVariable = "CQRS_CREDENTIALS_TEST_CHILD";

// Runs one store call and waits for its handler.
template<typename Call> CredentialStore::Result await(Call call)
{
    std::optional<CredentialStore::Result> result;
    QObject receiver;
    call(&receiver, [&](const CredentialStore::Result &r) { result = r; });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
        qFatal("credential store call did not finish");
    return *result;
}

} // namespace

class TestCredentialStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (qEnvironmentVariableIsSet(ChildVariable))
            return;
        if (qEnvironmentVariable("CQRS_TEST_SESSION") != QLatin1String("inside"))
            QSKIP("needs the private Secret Service: run ctest through "
                  "scripts/with-test-session.sh");
    }

    void keysAreOnePerServerOrigin()
    {
        QCOMPARE(CredentialStore::keyFor(Server), QStringLiteral("https://cqrs.example.nhs.uk"));
        QVERIFY(CredentialStore::keyFor(Server) != CredentialStore::keyFor(OtherServer));
    }

    void anotherProviderOrClientIsAnotherEntry()
    {
        const QString issuer = QStringLiteral("https://login.example/tenant/v2.0");
        const QString client = QStringLiteral("cqrs-desktop");
        const QString key = CredentialStore::keyFor({Server, issuer, client});
        QVERIFY(key.startsWith(CredentialStore::keyFor(Server)));
        QVERIFY(key != CredentialStore::keyFor(Server));
        QVERIFY(key != CredentialStore::keyFor({Server, issuer + QLatin1Char('x'), client}));
        QVERIFY(key != CredentialStore::keyFor({Server, issuer, QStringLiteral("other")}));
    }

    void writesReadsAndDeletes()
    {
        if (qEnvironmentVariableIsSet(ChildVariable))
            QSKIP("only in the parent");
        CredentialStore store(QStringLiteral("CQRS Desktop tests"));
        const RememberedSignIn signIn {RememberedSignIn::Method::NhsMail,
                                       QStringLiteral("refresh-token-1")};

        auto result = await([&](QObject *r, auto h) { store.remember(Server, signIn, r, h); });
        QCOMPARE(result.outcome, CredentialStore::Outcome::Done);

        result = await([&](QObject *r, auto h) { store.recall(Server, r, h); });
        QCOMPARE(result.outcome, CredentialStore::Outcome::Done);
        QCOMPARE(result.signIn, signIn);

        // Another server has its own entry.
        result = await([&](QObject *r, auto h) { store.recall(OtherServer, r, h); });
        QCOMPARE(result.outcome, CredentialStore::Outcome::NotFound);

        // Overwriting replaces, e.g. the next sign-in used a password.
        const RememberedSignIn password {RememberedSignIn::Method::Password, {}};
        result = await([&](QObject *r, auto h) { store.remember(Server, password, r, h); });
        QCOMPARE(result.outcome, CredentialStore::Outcome::Done);
        result = await([&](QObject *r, auto h) { store.recall(Server, r, h); });
        QCOMPARE(result.signIn, password);

        result = await([&](QObject *r, auto h) { store.forget(Server, r, h); });
        QCOMPARE(result.outcome, CredentialStore::Outcome::Done);
        result = await([&](QObject *r, auto h) { store.recall(Server, r, h); });
        QCOMPARE(result.outcome, CredentialStore::Outcome::NotFound);
        QVERIFY(!result.signIn);

        // Signing out twice is fine.
        result = await([&](QObject *r, auto h) { store.forget(Server, r, h); });
        QCOMPARE(result.outcome, CredentialStore::Outcome::Done);
    }

    void handlerIsSkippedWhenReceiverIsGone()
    {
        if (qEnvironmentVariableIsSet(ChildVariable))
            QSKIP("only in the parent");
        CredentialStore store(QStringLiteral("CQRS Desktop tests"));
        bool called = false;
        auto *receiver = new QObject;
        store.recall(Server, receiver, [&](const CredentialStore::Result &) { called = true; });
        delete receiver;
        // A second call on a live receiver finishes after the first.
        const auto result = await([&](QObject *r, auto h) { store.recall(Server, r, h); });
        QVERIFY(result.outcome != CredentialStore::Outcome::Failed);
        QVERIFY(!called);
    }

    void reportsNoStoreAvailable()
    {
        if (qEnvironmentVariableIsSet(ChildVariable))
            QSKIP("only in the parent");
        // The Secret Service is reached over the session bus: a child with a bus address that
        // leads nowhere has no credential store at all.
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QString::fromLatin1(ChildVariable), QStringLiteral("1"));
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                           QStringLiteral("unix:path=/nonexistent/cqrs-no-bus"));
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("noStoreChild")});
        QVERIFY(child.waitForFinished(60000));
        const QByteArray output = child.readAllStandardOutput() + child.readAllStandardError();
        QVERIFY2(child.exitCode() == 0, output.constData());
        QVERIFY2(output.contains("PASS   : TestCredentialStore::noStoreChild"), output.constData());
    }

    void noStoreChild()
    {
        if (!qEnvironmentVariableIsSet(ChildVariable))
            QSKIP("runs in the child started by reportsNoStoreAvailable");
        CredentialStore store(QStringLiteral("CQRS Desktop tests"));
        const RememberedSignIn signIn {RememberedSignIn::Method::NhsMail, QStringLiteral("x")};
        auto result = await([&](QObject *r, auto h) { store.remember(Server, signIn, r, h); });
        QCOMPARE(result.outcome, CredentialStore::Outcome::Unavailable);
        QVERIFY(result.message.contains(QStringLiteral("will not remember")));
        result = await([&](QObject *r, auto h) { store.recall(Server, r, h); });
        QCOMPARE(result.outcome, CredentialStore::Outcome::Unavailable);
        result = await([&](QObject *r, auto h) { store.forget(Server, r, h); });
        QCOMPARE(result.outcome, CredentialStore::Outcome::Unavailable);
    }
};

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
