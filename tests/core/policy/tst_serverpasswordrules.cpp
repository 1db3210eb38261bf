#include "core/policy/ServerPasswordRules.h"

#include <QTest>

using namespace cqrs;

namespace {

// Stored "hashes" are the passwords themselves here: the rules' logic is under test, and the
// matcher is how the server plugs in PasswordHasher::verify.
bool sameText(QStringView candidate, QStringView stored)
{
    return candidate == stored;
}

const QDateTime Now = QDateTime(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);

PasswordRecord recordSetAgo(qint64 seconds)
{
    PasswordRecord record;
    record.currentHash = QStringLiteral("Current-Pass1");
    for (int i = 1; i <= 10; ++i)
        record.previousHashes.append(QStringLiteral("Previous-%1").arg(i));
    record.lastSetAt = Now.addSecs(-seconds);
    return record;
}

QStringList violations(const ServerRulesVerdict &verdict)
{
    return PolicyVerdict(verdict.verdicts).violationIds();
}

constexpr qint64 Hours72 = 72 * 3600;

} // namespace

class TestServerPasswordRules : public QObject
{
    Q_OBJECT

private slots:
    void firstPasswordHasNothingToCompare();
    void currentPasswordRefused();
    void historyCoversExactlyTheConfiguredCount();
    void minimumAge_data();
    void minimumAge();
    void allFailingRulesTogether();
};

void TestServerPasswordRules::firstPasswordHasNothingToCompare()
{
    const auto verdict = evaluateServerRules(PasswordPolicy(), u"Anything-1", PasswordRecord(),
                                             PasswordChange::Registration, Now, sameText);
    QVERIFY(violations(verdict).isEmpty());
    QCOMPARE(verdict.verdicts.size(), serverJudgedRules().size());
    QVERIFY(!verdict.nextChangeAllowedAt.isValid());
}

void TestServerPasswordRules::currentPasswordRefused()
{
    const auto verdict
        = evaluateServerRules(PasswordPolicy(), u"Current-Pass1", recordSetAgo(Hours72),
                              PasswordChange::UserChange, Now, sameText);
    QCOMPARE(violations(verdict), QStringList {QStringLiteral("not-current")});
}

void TestServerPasswordRules::historyCoversExactlyTheConfiguredCount()
{
    const PasswordRecord record = recordSetAgo(Hours72);
    const PasswordPolicy policy; // remembers 8
    for (int i = 1; i <= 8; ++i) {
        const auto verdict = evaluateServerRules(policy, QStringLiteral("Previous-%1").arg(i),
                                                 record, PasswordChange::UserChange, Now, sameText);
        QCOMPARE(violations(verdict), QStringList {QStringLiteral("history")});
    }
    for (int i = 9; i <= 10; ++i) {
        const auto verdict = evaluateServerRules(policy, QStringLiteral("Previous-%1").arg(i),
                                                 record, PasswordChange::UserChange, Now, sameText);
        QVERIFY(violations(verdict).isEmpty());
    }
    PasswordPolicy shortMemory;
    shortMemory.historyCount = 2;
    QVERIFY(violations(evaluateServerRules(shortMemory, u"Previous-3", record,
                                           PasswordChange::UserChange, Now, sameText))
                .isEmpty());
}

void TestServerPasswordRules::minimumAge_data()
{
    QTest::addColumn<int>("change");
    QTest::addColumn<qint64>("ageSeconds");
    QTest::addColumn<bool>("refused");
    const auto user = int(PasswordChange::UserChange);
    QTest::newRow("user change, just set") << user << qint64(0) << true;
    QTest::newRow("user change, 72 h less 1 s") << user << Hours72 - 1 << true;
    QTest::newRow("user change, exactly 72 h") << user << Hours72 << false;
    QTest::newRow("user change, a week") << user << 7 * 24 * 3600LL << false;
    QTest::newRow("self-service reset, 1 h")
        << int(PasswordChange::SelfServiceReset) << qint64(3600) << true;
    QTest::newRow("administrator reset, 1 h")
        << int(PasswordChange::AdministratorReset) << qint64(3600) << false;
    QTest::newRow("registration link, 1 h")
        << int(PasswordChange::Registration) << qint64(3600) << false;
}

void TestServerPasswordRules::minimumAge()
{
    QFETCH(int, change);
    QFETCH(qint64, ageSeconds);
    QFETCH(bool, refused);
    const PasswordRecord record = recordSetAgo(ageSeconds);
    const auto verdict = evaluateServerRules(PasswordPolicy(), u"Brand-New-1", record,
                                             PasswordChange(change), Now, sameText);
    QCOMPARE(violations(verdict).contains(QStringLiteral("min-age")), refused);
    if (refused) {
        QCOMPARE(verdict.nextChangeAllowedAt, record.lastSetAt.addSecs(Hours72));
        const auto minAge = PolicyVerdict(verdict.verdicts).verdictFor(PolicyRule::MinAge);
        QVERIFY2(minAge->message.contains(QStringLiteral("UTC")), qPrintable(minAge->message));
    } else {
        QVERIFY(!verdict.nextChangeAllowedAt.isValid());
    }
}

void TestServerPasswordRules::allFailingRulesTogether()
{
    PasswordRecord record = recordSetAgo(60);
    record.previousHashes.prepend(record.currentHash);
    const auto verdict = evaluateServerRules(PasswordPolicy(), u"Current-Pass1", record,
                                             PasswordChange::UserChange, Now, sameText);
    QCOMPARE(violations(verdict),
             (QStringList {QStringLiteral("not-current"), QStringLiteral("history"),
                           QStringLiteral("min-age")}));
}

QTEST_APPLESS_MAIN(TestServerPasswordRules)
#include "tst_serverpasswordrules.moc"
