#include "tests/support/StubClient.h"

#include <QJsonArray>
#include <QTest>

// The password policy's profiles against the real server (docs/passwords.md): what
// GET /api/v1/password-policy reports, and that registration and change refuse a common
// password or a context word with the new rule ids, in the seed and the NIST profile.
class TestStubPasswordPolicy : public QObject
{
    Q_OBJECT

private:
    // A user of "Riverside Surgery (A81001)" named "Amelia Okafor"; returns their link token.
    static QString invite(StubClient &api, const QString &userId)
    {
        const Reply created = api.adminPost(
            QStringLiteral("/api/v1/admin/users"),
            {{QStringLiteral("userId"), userId},
             {QStringLiteral("email"), userId + QStringLiteral("@nhs.net")},
             {QStringLiteral("displayName"), QStringLiteral("Amelia Okafor")},
             {QStringLiteral("organisation"), QStringLiteral("Riverside Surgery (A81001)")}});
        return created.status == 201 ? api.latestToken() : QString();
    }

    static Reply registering(StubClient &api, const QString &token, const QString &password)
    {
        return api.post(QStringLiteral("/api/v1/registrations/") + token,
                        {{QStringLiteral("password"), password}});
    }

    static QStringList rulesOf(const QJsonObject &policy)
    {
        QStringList ids;
        for (const auto &id : policy.value(QStringLiteral("rules")).toArray())
            ids.append(id.toString());
        return ids;
    }

    // The examples, made long enough for NIST's minimum: still refused, by the new rules
    // alone.
    static void refusesCommonAndContextWords(StubClient &api, const QString &token)
    {
        for (const QString &password :
             {QStringLiteral("Welcome123!!!!!!!!"), QStringLiteral("Summer2025!2025!2025!")}) {
            const Reply refused = registering(api, token, password);
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.violations(), QStringList {QStringLiteral("common-password")});
        }
        const Reply named = registering(api, token, QStringLiteral("R1verside-Kettle-Orbit!"));
        QCOMPARE(named.status, 422);
        QCOMPARE(named.violations(), QStringList {QStringLiteral("context-words")});
        QVERIFY2(named.body.contains("\\\"riverside\\\""), named.body.constData());
        const Reply ownName = registering(api, token, QStringLiteral("Okafor-Kettle-Orbit-9"));
        QCOMPARE(ownName.violations(), QStringList {QStringLiteral("context-words")});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!StubProcess::binary().isEmpty(), "CQRS_SERVER_STUB is not set");
    }

    void seedProfile()
    {
        StubProcess stub;
        QVERIFY(stub.start());
        StubClient api(stub);
        const QJsonObject policy = api.get(QStringLiteral("/api/v1/password-policy")).json();
        QCOMPARE(policy.value(QStringLiteral("profile")).toString(), QStringLiteral("seed"));
        QCOMPARE(policy.value(QStringLiteral("minLength")).toInt(), 8);
        QCOMPARE(rulesOf(policy),
                 (QStringList {QStringLiteral("length"), QStringLiteral("categories"),
                               QStringLiteral("user-id"), QStringLiteral("context-words"),
                               QStringLiteral("common-password"), QStringLiteral("characters"),
                               QStringLiteral("not-current"), QStringLiteral("history"),
                               QStringLiteral("min-age")}));

        const QString token = invite(api, QStringLiteral("aokafor"));
        QVERIFY(!token.isEmpty());
        // The app needs the organisation to judge context words as the person types.
        QCOMPARE(api.get(QStringLiteral("/api/v1/registrations/") + token)
                     .json()
                     .value(QStringLiteral("organisation"))
                     .toString(),
                 QStringLiteral("Riverside Surgery (A81001)"));
        // The examples: each meets the seed's own rules. "password" is also a service
        // word, so the first two are refused by both new rules.
        const QStringList bothRules {QStringLiteral("common-password"),
                                     QStringLiteral("context-words")}; // sorted
        const QStringList commonOnly {QStringLiteral("common-password")};
        const QList<QPair<QString, QStringList>> examples {
            {QStringLiteral("Password1!"), bothRules},
            {QStringLiteral("P@ssw0rd2024"), bothRules},
            {QStringLiteral("Summer2025!"), commonOnly},
            {QStringLiteral("Welcome123!"), commonOnly}};
        for (const auto &[password, violations] : examples) {
            const Reply refused = registering(api, token, password);
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.violations(), violations);
        }
        const Reply practice = registering(api, token, QStringLiteral("Riverside1!"));
        QCOMPARE(practice.status, 422);
        QCOMPARE(practice.violations(), QStringList {QStringLiteral("context-words")});
        QCOMPARE(registering(api, token, QStringLiteral("Kettle-Orbit-9")).status, 201);
        QVERIFY(stub.stop());
    }

    void nistProfile()
    {
        StubProcess stub(
            {QStringLiteral("--dev"), QStringLiteral("--password-policy"), QStringLiteral("nist")});
        QVERIFY(stub.start());
        StubClient api(stub);
        const QJsonObject policy = api.get(QStringLiteral("/api/v1/password-policy")).json();
        QCOMPARE(policy.value(QStringLiteral("profile")).toString(), QStringLiteral("nist"));
        QCOMPARE(policy.value(QStringLiteral("minLength")).toInt(), 15);
        QCOMPARE(policy.value(QStringLiteral("maxLength")).toInt(), 64);
        QCOMPARE(policy.value(QStringLiteral("minCategories")).toInt(), 0);
        QCOMPARE(policy.value(QStringLiteral("historyCount")).toInt(), 0);
        QCOMPARE(policy.value(QStringLiteral("minAgeHours")).toInt(), 0);
        QCOMPARE(rulesOf(policy),
                 (QStringList {QStringLiteral("length"), QStringLiteral("user-id"),
                               QStringLiteral("context-words"), QStringLiteral("common-password"),
                               QStringLiteral("characters"), QStringLiteral("not-current")}));

        const QString token = invite(api, QStringLiteral("aokafor"));
        QVERIFY(!token.isEmpty());
        refusesCommonAndContextWords(api, token);
        const Reply short14 = registering(api, token, QStringLiteral("kettle orbit u"));
        QCOMPARE(short14.status, 422);
        QCOMPARE(short14.violations(), QStringList {QStringLiteral("length")});
        // 15 characters, small letters and spaces only: no composition rule.
        const QString first = QStringLiteral("kettle orbit up");
        QCOMPARE(registering(api, token, first).status, 201);

        // No minimum age and no history: changing straight away, and back again, is allowed.
        const QString session = api.signIn(QStringLiteral("aokafor"), first);
        QVERIFY(!session.isEmpty());
        auto change = [&](const QString &current, const QString &next) {
            return api
                .post(QStringLiteral("/api/v1/me/password"),
                      {{QStringLiteral("currentPassword"), current},
                       {QStringLiteral("newPassword"), next}},
                      session)
                .status;
        };
        const QString second = QStringLiteral("lantern mosaic drift");
        QCOMPARE(change(first, second), 204);
        QCOMPARE(change(second, first), 204);
        QVERIFY(stub.stop());
    }

    void unknownProfileIsRefused()
    {
        const StubProcess stub;
        QString err;
        QCOMPARE(
            stub.runCommand({QStringLiteral("serve"), QStringLiteral("--db"), stub.databasePath(),
                             QStringLiteral("--password-policy"), QStringLiteral("strict")},
                            nullptr, &err),
            2);
        QVERIFY2(err.contains(QStringLiteral("--password-policy must be one of: seed, nist")),
                 qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestStubPasswordPolicy)
#include "tst_stub_passwordpolicy.moc"
