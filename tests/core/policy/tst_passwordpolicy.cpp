#include "core/policy/PasswordPolicy.h"

#include <QJsonDocument>
#include <QTest>

using namespace cqrs;

namespace {

QString repeated(const QString &unit, int times)
{
    QString s;
    for (int i = 0; i < times; ++i)
        s += unit;
    return s;
}

QString s(const char8_t *utf8)
{
    return QString::fromUtf8(utf8);
}

bool passes(const PolicyVerdict &verdict, PolicyRule rule)
{
    const auto v = verdict.verdictFor(rule);
    if (!v)
        qFatal("no verdict for %s", qPrintable(ruleId(rule)));
    return v->passed;
}

} // namespace

class TestPasswordPolicy : public QObject
{
    Q_OBJECT

private slots:
    void ruleIdsAreStable();
    void lengthCountsCodePoints_data();
    void lengthCountsCodePoints();
    void categories_data();
    void categories();
    void userId_data();
    void userId();
    void controlCharacters_data();
    void controlCharacters();
    void confirmation();
    void everyFailingRuleIsReported();
    void emptyInput();
    void veryLongInput();
    void messagesAreShown();
    void jsonRoundTrip();
    void jsonRejectsWrongShapes_data();
    void jsonRejectsWrongShapes();
    void aFirstPasswordHasNoRulesAboutEarlierOnes();
};

void TestPasswordPolicy::ruleIdsAreStable()
{
    const QStringList expected {QStringLiteral("length"),          QStringLiteral("categories"),
                                QStringLiteral("user-id"),         QStringLiteral("confirmation"),
                                QStringLiteral("not-current"),     QStringLiteral("history"),
                                QStringLiteral("min-age"),         QStringLiteral("characters"),
                                QStringLiteral("common-password"), QStringLiteral("context-words")};
    const QList<PolicyRule> rules {PolicyRule::Length,         PolicyRule::Categories,
                                   PolicyRule::UserId,         PolicyRule::Confirmation,
                                   PolicyRule::NotCurrent,     PolicyRule::History,
                                   PolicyRule::MinAge,         PolicyRule::Characters,
                                   PolicyRule::CommonPassword, PolicyRule::ContextWords};
    for (qsizetype i = 0; i < rules.size(); ++i) {
        QCOMPARE(ruleId(rules[i]), expected[i]);
        QCOMPARE(ruleFromId(expected[i]), rules[i]);
    }
    QCOMPARE(ruleFromId(u"Length"), std::nullopt);
    QCOMPARE(ruleFromId(u""), std::nullopt);
    QCOMPARE(locallyJudgedRules().size() + serverJudgedRules().size(), rules.size());
}

void TestPasswordPolicy::lengthCountsCodePoints_data()
{
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<bool>("ok");
    const QString emoji = QString::fromUtf8("\xF0\x9F\x98\x80"); // U+1F600, two UTF-16 units
    QTest::newRow("7 ASCII") << QStringLiteral("Abcde1!") << false;
    QTest::newRow("8 ASCII") << QStringLiteral("Abcdef1!") << true;
    QTest::newRow("32 ASCII") << QStringLiteral("Abcdef1!").repeated(4) << true;
    QTest::newRow("33 ASCII") << QStringLiteral("Abcdef1!").repeated(4) + QLatin1Char('x') << false;
    QTest::newRow("32 emoji (64 UTF-16 units)") << repeated(emoji, 32) << true;
    QTest::newRow("33 emoji") << repeated(emoji, 33) << false;
    QTest::newRow("7 emoji") << repeated(emoji, 7) << false;
    QTest::newRow("8 emoji") << repeated(emoji, 8) << true;
    // 8 code points but 16 bytes of UTF-8: bytes must not be counted either.
    QTest::newRow("8 accented letters") << QString::fromUtf8("éééééééé") << true;
    QTest::newRow("32 CJK characters") << repeated(QString::fromUtf8("密"), 32) << true;
    QTest::newRow("33 CJK characters") << repeated(QString::fromUtf8("密"), 33) << false;
    // Counted as stored (NFC): "e" and a combining acute are the one letter "é" they become,
    // so this is 6 characters, not the 10 typed, and the stored password would be too short.
    const QString eAcute = QStringLiteral("e") + QChar(0x0301);
    QTest::newRow("letters with combining accents")
        << repeated(eAcute, 4) + QStringLiteral("Z7") << false;
    QTest::newRow("combining accent with no letter to join")
        << QStringLiteral("Abcdef1") + QChar(0x0301) << true;
}

void TestPasswordPolicy::lengthCountsCodePoints()
{
    QFETCH(QString, candidate);
    QFETCH(bool, ok);
    QCOMPARE(passes(PasswordPolicy().evaluate(u"someone", candidate), PolicyRule::Length), ok);
}

void TestPasswordPolicy::categories_data()
{
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<int>("minCategories");
    QTest::addColumn<bool>("ok");
    QTest::newRow("lower only") << QStringLiteral("abcdefgh") << 3 << false;
    QTest::newRow("upper only") << QStringLiteral("ABCDEFGH") << 3 << false;
    QTest::newRow("digits only") << QStringLiteral("12345678") << 3 << false;
    QTest::newRow("symbols only") << QStringLiteral("!@#$%^&*") << 3 << false;
    QTest::newRow("lower+upper") << QStringLiteral("abcdEFGH") << 3 << false;
    QTest::newRow("lower+digit") << QStringLiteral("abcd1234") << 3 << false;
    QTest::newRow("lower+symbol") << QStringLiteral("abcd!!!!") << 3 << false;
    QTest::newRow("upper+digit") << QStringLiteral("ABCD1234") << 3 << false;
    QTest::newRow("upper+symbol") << QStringLiteral("ABCD!!!!") << 3 << false;
    QTest::newRow("digit+symbol") << QStringLiteral("1234!!!!") << 3 << false;
    QTest::newRow("lower+upper+digit") << QStringLiteral("abcDEF12") << 3 << true;
    QTest::newRow("lower+upper+symbol") << QStringLiteral("abcDEF!!") << 3 << true;
    QTest::newRow("lower+digit+symbol") << QStringLiteral("abc123!!") << 3 << true;
    QTest::newRow("upper+digit+symbol") << QStringLiteral("ABC123!!") << 3 << true;
    QTest::newRow("all four") << QStringLiteral("aB3!aB3!") << 3 << true;
    QTest::newRow("space is a symbol") << QStringLiteral("abcd EF1") << 3 << true;
    QTest::newRow("space is a symbol (2 only)") << QStringLiteral("abcd efg") << 3 << false;
    QTest::newRow("non-ASCII upper and lower") << QString::fromUtf8("ÄÖÜäöü12") << 3 << true;
    QTest::newRow("Greek upper and lower") << QString::fromUtf8("ΑΒΓαβγ!!") << 3 << true;
    // Only 0-9 are digits; other scripts' digits and letters without case are "other".
    QTest::newRow("Arabic-Indic digits are not 0-9")
        << QString::fromUtf8("abcdefg١٢") << 3 << false;
    QTest::newRow("CJK counts as other") << QString::fromUtf8("密码密码ab12") << 3 << true;
    QTest::newRow("emoji counts as other")
        << QString::fromUtf8("abcd12\xF0\x9F\x98\x80") << 3 << true;
    QTest::newRow("control char is no category") << QStringLiteral("abcd1234\t") << 3 << false;
    // Not printable, so not a symbol: a zero-width space or a right-to-left mark pasted from a
    // document must not be what makes a password strong enough.
    QTest::newRow("zero-width space is no category")
        << QString::fromUtf8("zebrafish\u200B7") << 3 << false;
    QTest::newRow("right-to-left mark is no category")
        << QString::fromUtf8("zebrafish\u200F7") << 3 << false;
    QTest::newRow("emoji joined by ZWJ still counts as other")
        << QString::fromUtf8("zebra7\U0001F468\u200D\U0001F469") << 3 << true;
    QTest::newRow("4 required, 3 present") << QStringLiteral("abcDEF12") << 4 << false;
    QTest::newRow("4 required, 4 present") << QStringLiteral("abcDEF1!") << 4 << true;
    QTest::newRow("1 required") << QStringLiteral("abcdefgh") << 1 << true;
}

void TestPasswordPolicy::categories()
{
    QFETCH(QString, candidate);
    QFETCH(int, minCategories);
    QFETCH(bool, ok);
    PasswordPolicy policy;
    policy.minCategories = minCategories;
    QCOMPARE(passes(policy.evaluate(u"someone", candidate), PolicyRule::Categories), ok);
}

void TestPasswordPolicy::userId_data()
{
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<bool>("ok");
    // docs/design.md §2's own examples.
    QTest::newRow("john.smith / Smith2024!") << s(u8"john.smith") << s(u8"Smith2024!") << false;
    QTest::newRow("john.smith / xJOHNx#99") << s(u8"john.smith") << s(u8"xJOHNx#99") << false;
    QTest::newRow("jsmith01 / Jsmith!2025") << s(u8"jsmith01") << s(u8"Jsmith!2025") << false;
    QTest::newRow("ab.cd / ab.cd") << s(u8"ab.cd") << s(u8"xAB.CDx1!") << false;
    QTest::newRow("ab.cd / ab and cd apart") << s(u8"ab.cd") << s(u8"abXcd12!!") << true;
    QTest::newRow("ab.cd / abcd") << s(u8"ab.cd") << s(u8"Abcd12!!") << true;
    // Whole ID, and parts of it.
    QTest::newRow("whole ID") << s(u8"john.smith") << s(u8"1john.smith!") << false;
    QTest::newRow("unrelated") << s(u8"john.smith") << s(u8"Correct-Horse-9") << true;
    QTest::newRow("jsmith01: smith alone is fine") << s(u8"jsmith01") << s(u8"Smith2024!") << true;
    QTest::newRow("smith.j: first part") << s(u8"smith.j") << s(u8"SMITH99!x") << false;
    QTest::newRow("smith.j: short part ignored") << s(u8"smith.j") << s(u8"J!abcdef12") << true;
    // Letter/digit boundaries split too.
    QTest::newRow("digits run") << s(u8"abc123def") << s(u8"X123yZ!!") << false;
    QTest::newRow("letters after digits") << s(u8"abc123def") << s(u8"xDEFy12!!") << false;
    QTest::newRow("digits below 3") << s(u8"jsmith01") << s(u8"Pass01word!") << true;
    // Every delimiter docs/design.md names.
    QTest::newRow("hyphen") << s(u8"anna-maria") << s(u8"MARIA!2024x") << false;
    QTest::newRow("underscore") << s(u8"anna_maria") << s(u8"xAnna!2024") << false;
    QTest::newRow("space") << s(u8"anna maria") << s(u8"xAnna!2024") << false;
    QTest::newRow("at sign") << s(u8"anna@practice") << s(u8"Practice!24") << false;
    QTest::newRow("comma") << s(u8"smith,anna") << s(u8"Anna!2024xy") << false;
    QTest::newRow("hash") << s(u8"smith#anna") << s(u8"Anna!2024xy") << false;
    QTest::newRow("tab") << s(u8"smith\tanna") << s(u8"Anna!2024xy") << false;
    QTest::newRow("apostrophe") << s(u8"o'brien") << s(u8"xBRIENx1!") << false;
    // Case folding beyond ASCII.
    QTest::newRow("umlaut") << QString::fromUtf8("müller.k") << QString::fromUtf8("MÜLLER!2024")
                            << false;
    QTest::newRow("sharp s folds to ss")
        << QString::fromUtf8("straße1") << s(u8"STRASSE!99x") << false;
    QTest::newRow("Greek final sigma")
        << QString::fromUtf8("Σωκράτης") << QString::fromUtf8("σωκράτης!A1") << false;
    QTest::newRow("decomposed accent")
        << QString::fromUtf8("rené.dupont") << QString::fromUtf8("RENE\u0301!2024") << false;
    // IDs with nothing of 3 or more characters.
    QTest::newRow("two-character ID") << s(u8"ab") << s(u8"ab123!AB") << true;
    QTest::newRow("empty ID") << s(u8"") << s(u8"Anything1!") << true;
    QTest::newRow("all parts short") << s(u8"a1b2c3") << s(u8"xa1b2c3!X") << false;
    QTest::newRow("all parts short, reordered") << s(u8"a1b2c3") << s(u8"c3b2a1!X") << true;
}

void TestPasswordPolicy::userId()
{
    QFETCH(QString, userId);
    QFETCH(QString, candidate);
    QFETCH(bool, ok);
    QCOMPARE(passes(PasswordPolicy().evaluate(userId, candidate), PolicyRule::UserId), ok);
}

void TestPasswordPolicy::controlCharacters_data()
{
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<bool>("ok");
    const QString base = QStringLiteral("Abcdef1!");
    for (char16_t c : {u'\u0000', u'\u0009', u'\u000A', u'\u001B', u'\u001F', u'\u007F', u'\u0080',
                       u'\u0085', u'\u009F'}) {
        QTest::addRow("U+%04X", unsigned(c)) << base + QChar(c) << false;
    }
    QTest::newRow("U+0020 space") << base + QChar(u' ') << true;
    QTest::newRow("U+00A0 no-break space") << base + QChar(u'\u00A0') << true;
    QTest::newRow("U+200B zero-width space") << base + QChar(u'\u200B') << true;
    QTest::newRow("emoji") << base + QString::fromUtf8("\xF0\x9F\x94\x91") << true;
    QTest::newRow("right-to-left text") << base + QString::fromUtf8("كلمة") << true;
}

void TestPasswordPolicy::controlCharacters()
{
    QFETCH(QString, candidate);
    QFETCH(bool, ok);
    QCOMPARE(passes(PasswordPolicy().evaluate(u"someone", candidate), PolicyRule::Characters), ok);
}

void TestPasswordPolicy::confirmation()
{
    const PasswordPolicy policy;
    const QString password = QStringLiteral("Abcdef1!");
    QVERIFY(!policy.evaluate(u"someone", password).verdictFor(PolicyRule::Confirmation));
    QVERIFY(passes(policy.evaluate(u"someone", password, QStringView(password)),
                   PolicyRule::Confirmation));
    QVERIFY(!passes(policy.evaluate(u"someone", password, QStringView(u"Abcdef1?")),
                    PolicyRule::Confirmation));
    QVERIFY(!passes(policy.evaluate(u"someone", password, QStringView(u"abcdef1!")),
                    PolicyRule::Confirmation));
    QVERIFY(
        !passes(policy.evaluate(u"someone", password, QStringView(u"")), PolicyRule::Confirmation));
    QVERIFY(!passes(policy.evaluate(u"someone", u"", QStringView(u"")), PolicyRule::Confirmation));
}

void TestPasswordPolicy::everyFailingRuleIsReported()
{
    const PasswordPolicy policy;
    const auto verdict = policy.evaluate(u"john.smith", u"john\t", QStringView(u"other"));
    QCOMPARE(verdict.violationIds(),
             (QStringList {QStringLiteral("length"), QStringLiteral("categories"),
                           QStringLiteral("user-id"), QStringLiteral("characters"),
                           QStringLiteral("confirmation")}));
    QVERIFY(!verdict.passed());

    const auto good
        = policy.evaluate(u"john.smith", u"Correct-Horse-9", QStringView(u"Correct-Horse-9"));
    QVERIFY(good.passed());
    QVERIFY(good.violationIds().isEmpty());
    QCOMPARE(good.verdicts().size(), locallyJudgedRules().size());
}

void TestPasswordPolicy::emptyInput()
{
    const auto verdict = PasswordPolicy().evaluate(u"", u"");
    QCOMPARE(verdict.violationIds(),
             (QStringList {QStringLiteral("length"), QStringLiteral("categories")}));
}

void TestPasswordPolicy::veryLongInput()
{
    const QString candidate = QStringLiteral("Ab1!john.smith").repeated(715).left(10000);
    QCOMPARE(candidate.size(), 10000);
    const auto verdict = PasswordPolicy().evaluate(u"john.smith", candidate);
    QCOMPARE(verdict.violationIds(),
             (QStringList {QStringLiteral("length"), QStringLiteral("user-id")}));
    QVERIFY(verdict.verdictFor(PolicyRule::Length)->message.contains(QStringLiteral("9968")));
}

void TestPasswordPolicy::messagesAreShown()
{
    const PasswordPolicy policy;
    const auto verdict = policy.evaluate(u"john.smith", u"smith", QStringView(u""));
    for (const RuleVerdict &v : verdict.verdicts())
        QVERIFY2(!v.message.isEmpty(), qPrintable(v.id()));
    QVERIFY(verdict.verdictFor(PolicyRule::Length)->message.contains(QStringLiteral("add 3 more")));
    QVERIFY(verdict.verdictFor(PolicyRule::UserId)->message.contains(QStringLiteral("\"smith\"")));
    QVERIFY(policy.describe(PolicyRule::Length).contains(QStringLiteral("8 and 32")));
    QVERIFY(policy.describe(PolicyRule::History).contains(QStringLiteral("8")));
    QVERIFY(policy.describe(PolicyRule::MinAge).contains(QStringLiteral("72")));
    for (PolicyRule rule : serverJudgedRules())
        QVERIFY(policy.describe(rule).contains(QStringLiteral("when you submit")));
}

void TestPasswordPolicy::jsonRoundTrip()
{
    const PasswordPolicy defaults;
    const QJsonObject json = defaults.toJson();
    QCOMPARE(json.value(QStringLiteral("minLength")).toInt(), 8);
    QCOMPARE(json.value(QStringLiteral("maxLength")).toInt(), 32);
    QCOMPARE(json.value(QStringLiteral("minCategories")).toInt(), 3);
    QCOMPARE(json.value(QStringLiteral("userIdPartMinLength")).toInt(), 3);
    QCOMPARE(json.value(QStringLiteral("historyCount")).toInt(), 8);
    QCOMPARE(json.value(QStringLiteral("minAgeHours")).toInt(), 72);
    QCOMPARE(PasswordPolicy::fromJson(json), defaults);

    PasswordPolicy custom;
    custom.minLength = 12;
    custom.maxLength = 64;
    custom.minCategories = 4;
    custom.historyCount = 24;
    custom.minAgeHours = 0;
    QJsonObject withExtra = custom.toJson();
    withExtra.insert(QStringLiteral("futureField"), true); // newer servers may add fields
    QCOMPARE(PasswordPolicy::fromJson(withExtra), custom);
}

void TestPasswordPolicy::jsonRejectsWrongShapes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("string number")
        << QByteArray(R"({"minLength":"8","maxLength":32,"minCategories":3,)"
                      R"("userIdPartMinLength":3,"historyCount":8,"minAgeHours":72})");
    QTest::newRow("fraction") << QByteArray(
        R"({"minLength":8.5,"maxLength":32,"minCategories":3,)"
        R"("userIdPartMinLength":3,"historyCount":8,"minAgeHours":72})");
    QTest::newRow("min above max")
        << QByteArray(R"({"minLength":40,"maxLength":32,"minCategories":3,)"
                      R"("userIdPartMinLength":3,"historyCount":8,"minAgeHours":72})");
    QTest::newRow("five categories")
        << QByteArray(R"({"minLength":8,"maxLength":32,"minCategories":5,)"
                      R"("userIdPartMinLength":3,"historyCount":8,"minAgeHours":72})");
    QTest::newRow("negative history")
        << QByteArray(R"({"minLength":8,"maxLength":32,"minCategories":3,)"
                      R"("userIdPartMinLength":3,"historyCount":-1,"minAgeHours":72})");
    QTest::newRow("huge maximum") << QByteArray(
        R"({"minLength":8,"maxLength":1e12,"minCategories":3,)"
        R"("userIdPartMinLength":3,"historyCount":8,"minAgeHours":72})");
    QTest::newRow("null field") << QByteArray(
        R"({"minLength":null,"maxLength":32,"minCategories":3,)"
        R"("userIdPartMinLength":3,"historyCount":8,"minAgeHours":72})");
}

void TestPasswordPolicy::jsonRejectsWrongShapes()
{
    QFETCH(QByteArray, json);
    QString error;
    QCOMPARE(PasswordPolicy::fromJson(QJsonDocument::fromJson(json).object(), &error),
             std::nullopt);
    QVERIFY(!error.isEmpty());
}

void TestPasswordPolicy::aFirstPasswordHasNoRulesAboutEarlierOnes()
{
    for (const PasswordPolicy &policy : {PasswordPolicy {}, *PasswordPolicy::named(u"nist")}) {
        const PasswordPolicy first = policy.forFirstPassword();
        for (PolicyRule rule : policy.rules) {
            const bool aboutEarlier = rule == PolicyRule::NotCurrent || rule == PolicyRule::History
                || rule == PolicyRule::MinAge;
            QCOMPARE(first.enforces(rule), !aboutEarlier);
        }
        QCOMPARE(first.minLength, policy.minLength);
    }
}

QTEST_APPLESS_MAIN(TestPasswordPolicy)
#include "tst_passwordpolicy.moc"
