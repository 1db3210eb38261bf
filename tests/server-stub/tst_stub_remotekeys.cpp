// --trust-issuer's key cache (RemoteKeySource) against a real stand-in provider process: a
// token naming an unknown key can be sent by anyone, so it must neither make the stub fetch
// the provider's keys on every request nor make it forget the keys it has.

#include "tests/support/StubProcess.h"

#include "server-stub/service/RemoteKeySource.h"

#include <QTest>

using namespace cqrs;

class TestStubRemoteKeys : public QObject
{
    Q_OBJECT

private:
    StubProcess m_provider {{QStringLiteral("--dev"), QStringLiteral("--idp")}};

    QString issuer() const { return m_provider.url(QStringLiteral("/idp")).toString(); }

    static std::optional<JsonWebKeySet> keysOf(stub::RemoteKeySource &source, bool refresh)
    {
        std::optional<JsonWebKeySet> delivered;
        source.keys(refresh, [&](std::optional<JsonWebKeySet> keys, const QString &) {
            delivered = std::move(keys);
        });
        return delivered;
    }

    // How often the provider has served its keys so far.
    qsizetype keyFetches()
    {
        QTest::qWait(300); // lets the provider's request log arrive
        return m_provider.log().count(QStringLiteral("path=/idp/jwks "));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!StubProcess::binary().isEmpty(), "CQRS_SERVER_STUB is not set");
        QVERIFY(m_provider.start());
    }

    void unknownKeysRefetchAtMostOncePerMinute()
    {
        stub::RemoteKeySource source(issuer());
        QVERIFY(keysOf(source, false));
        const qsizetype fetches = keyFetches();
        QCOMPARE(fetches, 1);
        for (int request = 0; request < 3; ++request)
            QVERIFY(keysOf(source, true));
        QCOMPARE(keyFetches(), fetches);
    }

    void failedRefetchKeepsTheKnownKeys()
    {
        stub::RemoteKeySource source(issuer(), std::chrono::milliseconds(0));
        const std::optional<JsonWebKeySet> known = keysOf(source, false);
        QVERIFY(known);
        QVERIFY(m_provider.stop());
        const std::optional<JsonWebKeySet> kept = keysOf(source, true);
        QVERIFY(kept);
        QCOMPARE(kept->size(), known->size());
    }
};

QTEST_GUILESS_MAIN(TestStubRemoteKeys)
#include "tst_stub_remotekeys.moc"
