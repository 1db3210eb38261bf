#include "core/api/ApiClient.h"
#include "tests/support/ApiOutcome.h"
#include "tests/support/StubClient.h"
#include "tests/support/StubProcess.h"

#include <QSignalSpy>
#include <QTest>

using namespace cqrs;
using cqrs::test::Captured;
using namespace std::chrono_literals;

// The real server-stub stopped and started again on the same port mid-journey, as a server
// restart or a network outage looks to the app.
class TestFlaky : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_stub = std::make_unique<StubProcess>();
        QVERIFY(m_stub->start());
        m_server = m_stub->url();
        m_client = std::make_unique<ApiClient>(m_server);
        m_client->setRetryDelays({300ms, 300ms, 600ms, 1s, 2s, 4s});
    }

    void cleanup()
    {
        m_client.reset();
        m_stub.reset();
    }

    void readingWaitsForTheServerToComeBack()
    {
        QVERIFY(m_stub->stop());
        Captured<PasswordPolicy> policy;
        ApiCall *call = m_client->fetchPasswordPolicy(this, policy.handler());
        QSignalSpy retrying(call, &ApiCall::retrying);
        QTRY_VERIFY_WITH_TIMEOUT(retrying.count() >= 1, 10000);
        QCOMPARE(policy.calls, 0); // still waiting, not failed
        QVERIFY(restart());
        QTRY_COMPARE_WITH_TIMEOUT(policy.calls, 1, 20000);
        QVERIFY2(policy.result.ok(), qPrintable(policy.result.error.userMessage()));
    }

    void changesAreNeverSentTwice()
    {
        StubClient admin(*m_stub);
        const QString token = admin.createUser(QStringLiteral("akhan02"));
        QVERIFY(!token.isEmpty());
        const auto link
            = *RegistrationLink::parse(QStringLiteral("cqrs://register?token=") + token);
        QVERIFY(m_stub->stop());

        Captured<Done> set;
        ApiCall *call = m_client->setPasswordFromLink(link, Password, this, set.handler());
        QSignalSpy retrying(call, &ApiCall::retrying);
        QTRY_COMPARE_WITH_TIMEOUT(set.calls, 1, 10000);
        QCOMPARE(set.result.error.kind, ApiError::Kind::Unreachable);
        QCOMPARE(retrying.count(), 0);

        // Back again: the link is unused, and the person's second try sets the password once.
        QVERIFY(restart());
        QTest::qWait(1500); // anything queued would have arrived by now
        Captured<RegistrationDetails> details;
        m_client->fetchLinkDetails(link, this, details.handler());
        QTRY_COMPARE_WITH_TIMEOUT(details.calls, 1, 10000);
        QVERIFY2(details.result.ok(), qPrintable(details.result.error.userMessage()));
        Captured<Done> again;
        m_client->setPasswordFromLink(link, Password, this, again.handler());
        QTRY_COMPARE_WITH_TIMEOUT(again.calls, 1, 10000);
        QVERIFY2(again.result.ok(), qPrintable(again.result.error.userMessage()));
    }

    void signingInIsNotRepeatedBehindTheScreen()
    {
        QVERIFY(StubClient(*m_stub).addRegisteredUser(QStringLiteral("jsmith01"), Password));
        QVERIFY(m_stub->stop());
        Captured<UserProfile> first;
        ApiCall *call
            = m_client->signIn(QStringLiteral("jsmith01"), Password, this, first.handler());
        QSignalSpy retrying(call, &ApiCall::retrying);
        QTRY_COMPARE_WITH_TIMEOUT(first.calls, 1, 10000);
        QCOMPARE(first.result.error.kind, ApiError::Kind::Unreachable);
        QCOMPARE(retrying.count(), 0);
        QVERIFY(!m_client->hasSession());
        QVERIFY(restart());
        QVERIFY(!m_stub->log().contains(QStringLiteral("/api/v1/sessions")));
    }

    void cancelStopsTheWaiting()
    {
        QVERIFY(m_stub->stop());
        Captured<PasswordPolicy> policy;
        ApiCall *call = m_client->fetchPasswordPolicy(this, policy.handler());
        QSignalSpy retrying(call, &ApiCall::retrying);
        QTRY_VERIFY_WITH_TIMEOUT(retrying.count() >= 1, 10000);
        call->cancel();
        QTRY_COMPARE(policy.calls, 1);
        QCOMPARE(policy.result.error.kind, ApiError::Kind::Cancelled);
        QTest::qWait(800); // a retry timer left running would report a second time
        QCOMPARE(policy.calls, 1);
    }

private:
    static inline const QString Password = QStringLiteral("Correct-Horse-Battery-9");

    bool restart()
    {
        return m_stub->start(
            {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_server.port())});
    }

    std::unique_ptr<StubProcess> m_stub;
    std::unique_ptr<ApiClient> m_client;
    QUrl m_server;
};

QTEST_GUILESS_MAIN(TestFlaky)
#include "tst_flaky.moc"
