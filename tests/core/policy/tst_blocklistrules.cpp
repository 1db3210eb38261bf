#include "core/policy/PasswordPolicy.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace cqrs;

namespace {

const PasswordOwner Owner {QStringLiteral("john.smith"), QStringLiteral("Dr Amelia Okafor"),
                           QStringLiteral("Riverside Surgery (A81001)")};

bool passes(const PasswordPolicy &policy, PolicyRule rule, const QString &candidate)
{
    const auto verdict = policy.evaluate(Owner, candidate).verdictFor(rule);
    if (!verdict)
        qFatal("no verdict for %s", qPrintable(ruleId(rule)));
    return verdict->passed;
}

} // namespace

// The common-password and context-words rules (docs/passwords.md), in both profiles.
class TestBlocklistRules : public QObject
{
    Q_OBJECT

private slots:
    void commonPasswords_data();
    void commonPasswords();
    void contextWords_data();
    void contextWords();
    void eachPersonIsJudgedByTheirOwnWords();
    void seedStillJudgesItsOwnRules();
    void nistProfile();
    void unknownProfile();
    void jsonCarriesProfileAndRules();
    void jsonWithoutRulesIsTheOriginalSeed();
    void jsonRejectsBadRuleFields();
};

void TestBlocklistRules::commonPasswords_data()
{
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<bool>("ok");
    // The examples, each of which meets the seed's own rules.
    QTest::newRow("Password1!") << QStringLiteral("Password1!") << false;
    QTest::newRow("Summer2025!") << QStringLiteral("Summer2025!") << false;
    QTest::newRow("P@ssw0rd2024") << QStringLiteral("P@ssw0rd2024") << false;
    QTest::newRow("Welcome123!") << QStringLiteral("Welcome123!") << false;
    // Each substitution on its own, and case.
    QTest::newRow("@ for a") << QStringLiteral("Dr@gon!!") << false;
    QTest::newRow("0 for o") << QStringLiteral("M0nkey#7") << false;
    QTest::newRow("1 for i") << QStringLiteral("Sh1ny4ever?") << true;
    QTest::newRow("1 for i, listed") << QStringLiteral("Pr1ncess99") << false;
    QTest::newRow("1 for l") << QStringLiteral("F1ower123") << false;
    QTest::newRow("3 for e") << QStringLiteral("Ch3ls3a!5") << false;
    QTest::newRow("$ for s") << QStringLiteral("Ma$ter99") << false;
    QTest::newRow("upper case") << QStringLiteral("FOOTBALL2024!") << false;
    // Trailing digits and symbols only: a listed word in the middle is not the whole password.
    QTest::newRow("trailing digits") << QStringLiteral("Sunshine1234") << false;
    QTest::newRow("trailing symbols") << QStringLiteral("Sunshine!!??") << false;
    QTest::newRow("leading digits") << QStringLiteral("1234Sunshine") << true;
    QTest::newRow("listed word inside") << QStringLiteral("Blue-Sunshine-Kettle") << true;
    // Entries that are all digits or symbols are checked whole.
    QTest::newRow("digits only") << QStringLiteral("123456789") << false;
    QTest::newRow("keyboard walk") << QStringLiteral("1qaz2wsx") << false;
    QTest::newRow("ordinary") << QStringLiteral("Kettle-Orbit-Mauve") << true;
    QTest::newRow("empty") << QString() << true;
}

void TestBlocklistRules::commonPasswords()
{
    QFETCH(QString, candidate);
    QFETCH(bool, ok);
    for (const QString &profile : PasswordPolicy::profileNames()) {
        QVERIFY2(passes(*PasswordPolicy::named(profile), PolicyRule::CommonPassword, candidate)
                     == ok,
                 qPrintable(profile));
    }
}

void TestBlocklistRules::contextWords_data()
{
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<QString>("found"); // empty: passes
    QTest::newRow("name part") << QStringLiteral("Okafor#2025x") << QStringLiteral("okafor");
    QTest::newRow("first name, any case")
        << QStringLiteral("xxAMELIAxx9!") << QStringLiteral("amelia");
    QTest::newRow("title too short") << QStringLiteral("Dr-Kettle-99") << QString();
    QTest::newRow("organisation") << QStringLiteral("Riverside1!") << QStringLiteral("riverside");
    QTest::newRow("organisation, substituted")
        << QStringLiteral("R1vers1de!!9") << QStringLiteral("riverside");
    QTest::newRow("organisation code") << QStringLiteral("Kettle81001!") << QStringLiteral("81001");
    QTest::newRow("service word") << QStringLiteral("MyCQRS-login9") << QStringLiteral("cqrs");
    QTest::newRow("service word, substituted")
        << QStringLiteral("xP@$$w0rdx!") << QStringLiteral("password");
    QTest::newRow("nhs") << QStringLiteral("Best-nhs-Team") << QStringLiteral("nhs");
    QTest::newRow("none") << QStringLiteral("Kettle-Orbit-Mauve") << QString();
}

void TestBlocklistRules::contextWords()
{
    QFETCH(QString, candidate);
    QFETCH(QString, found);
    for (const QString &profile : PasswordPolicy::profileNames()) {
        const auto verdict = PasswordPolicy::named(profile)
                                 ->evaluate(Owner, candidate)
                                 .verdictFor(PolicyRule::ContextWords);
        QVERIFY(verdict);
        QCOMPARE(verdict->passed, found.isEmpty());
        if (!found.isEmpty())
            QVERIFY2(verdict->message.contains(QLatin1Char('"') + found + QLatin1Char('"')),
                     qPrintable(verdict->message));
    }
}

void TestBlocklistRules::eachPersonIsJudgedByTheirOwnWords()
{
    // A person's words are kept between keystrokes: the next person (the server judges one
    // after another on the same thread) must not be judged by the last one's.
    const PasswordPolicy seed;
    const PasswordOwner other {QStringLiteral("mary.jones"), QStringLiteral("Mary Jones"),
                               QStringLiteral("Hillside Practice (B82002)")};
    const QString candidate = QStringLiteral("Okafor-Smith-Kettle9");
    QCOMPARE(seed.evaluate(Owner, candidate).violationIds(),
             (QStringList {QStringLiteral("user-id"), QStringLiteral("context-words")}));
    QVERIFY(seed.evaluate(other, candidate).passed());
    QCOMPARE(seed.evaluate(other, u"Hillside-Jones-9").violationIds(),
             (QStringList {QStringLiteral("user-id"), QStringLiteral("context-words")}));
    QCOMPARE(seed.evaluate(Owner, candidate).violationIds(),
             (QStringList {QStringLiteral("user-id"), QStringLiteral("context-words")}));
    PasswordPolicy longerParts = seed;
    longerParts.userIdPartMinLength = 6;
    QCOMPARE(longerParts.evaluate(Owner, candidate).violationIds(),
             QStringList {QStringLiteral("context-words")});
}

void TestBlocklistRules::seedStillJudgesItsOwnRules()
{
    const PasswordPolicy seed;
    QCOMPARE(seed.profile, QStringLiteral("seed"));
    QCOMPARE(seed, *PasswordPolicy::named(u"seed"));
    // Only the new rules refuse the examples: the seed's own rules are unchanged.
    const auto verdict = seed.evaluate(Owner, u"Summer2025!");
    QCOMPARE(verdict.violationIds(), QStringList {QStringLiteral("common-password")});
    QVERIFY(seed.evaluate(Owner, u"Kettle-Orbit-9").passed());
}

void TestBlocklistRules::nistProfile()
{
    const PasswordPolicy nist = *PasswordPolicy::named(u"nist");
    QCOMPARE(nist.minLength, 15);
    QVERIFY(nist.maxLength >= 64);
    QVERIFY(!nist.enforces(PolicyRule::Categories));
    QVERIFY(!nist.enforces(PolicyRule::History));
    QVERIFY(!nist.enforces(PolicyRule::MinAge));
    QVERIFY(nist.enforces(PolicyRule::CommonPassword));
    QVERIFY(nist.enforces(PolicyRule::ContextWords));

    // A 15-character passphrase of small letters and spaces only.
    const auto passphrase = nist.evaluate(Owner, u"kettle orbit up");
    QVERIFY2(passphrase.passed(), qPrintable(passphrase.violationIds().join(u',')));
    QVERIFY(!passphrase.verdictFor(PolicyRule::Categories));
    QCOMPARE(nist.evaluate(Owner, u"kettle orbit u").violationIds(),
             QStringList {QStringLiteral("length")});
    QVERIFY(nist.describe(PolicyRule::Length).contains(QStringLiteral("15 and 64")));
}

void TestBlocklistRules::unknownProfile()
{
    QCOMPARE(PasswordPolicy::named(u"strict"), std::nullopt);
    QCOMPARE(PasswordPolicy::profileNames(),
             (QStringList {QStringLiteral("seed"), QStringLiteral("nist")}));
}

void TestBlocklistRules::jsonCarriesProfileAndRules()
{
    for (const QString &profile : PasswordPolicy::profileNames()) {
        const PasswordPolicy policy = *PasswordPolicy::named(profile);
        const QJsonObject json = policy.toJson();
        QCOMPARE(json.value(QStringLiteral("profile")).toString(), profile);
        QCOMPARE(json.value(QStringLiteral("rules")).toArray().size(), policy.rules.size());
        QVERIFY(json.value(QStringLiteral("rules"))
                    .toArray()
                    .contains(QStringLiteral("common-password")));
        QVERIFY(
            json.value(QStringLiteral("serviceWords")).toArray().contains(QStringLiteral("qof")));
        QCOMPARE(PasswordPolicy::fromJson(json), policy);
    }
}

void TestBlocklistRules::jsonWithoutRulesIsTheOriginalSeed()
{
    QJsonObject json = PasswordPolicy().toJson();
    for (const char *newer : {"profile", "rules", "contextWordMinLength", "serviceWords"})
        json.remove(QLatin1String(newer));
    const auto policy = PasswordPolicy::fromJson(json);
    QVERIFY(policy);
    QVERIFY(!policy->enforces(PolicyRule::CommonPassword));
    QVERIFY(!policy->enforces(PolicyRule::ContextWords));
    QVERIFY(policy->enforces(PolicyRule::Categories));
    QVERIFY(policy->evaluate(Owner, u"Summer2025!").passed());
}

void TestBlocklistRules::jsonRejectsBadRuleFields()
{
    const QJsonObject good = PasswordPolicy().toJson();
    auto broken = [&good](const char *field, const QJsonValue &value) {
        QJsonObject json = good;
        json.insert(QLatin1String(field), value);
        QString error;
        const bool rejected = !PasswordPolicy::fromJson(json, &error);
        return rejected && !error.isEmpty();
    };
    QVERIFY(broken("rules", QStringLiteral("length")));
    QVERIFY(broken("profile", 7));
    QVERIFY(broken("contextWordMinLength", 0));
    QVERIFY(broken("serviceWords", QJsonArray {1}));
    // A rule this client does not know is left to the server.
    QJsonObject newer = good;
    newer.insert(QStringLiteral("rules"),
                 QJsonArray {QStringLiteral("length"), QStringLiteral("from-the-future")});
    const auto policy = PasswordPolicy::fromJson(newer);
    QVERIFY(policy);
    QCOMPARE(policy->rules, QList<PolicyRule> {PolicyRule::Length});
}

QTEST_GUILESS_MAIN(TestBlocklistRules)
#include "tst_blocklistrules.moc"
