#include "core/policy/ServerPasswordRules.h"

#include <QCoreApplication>
#include <QLocale>

namespace cqrs {

namespace {

class ServerPasswordRules
{
    Q_DECLARE_TR_FUNCTIONS(ServerPasswordRules)

public:
    static QString reusedCurrent()
    {
        return tr("Choose a password that is different from your current one");
    }
    static QString reusedPrevious()
    {
        return tr("You have used this password before: choose a new one");
    }
    static QString tooSoon(const QDateTime &allowedAt)
    {
        // The client shows nextChangeAllowedAt in the user's own locale and time zone; this
        // message is for any other client, so it names its zone.
        // No closing full stop: the server lists every refusal in one sentence.
        return tr("Your password was set too recently to change it yourself. You can change it "
                  "from %1")
            .arg(
                QLocale::c().toString(allowedAt.toUTC(), QStringLiteral("d MMM yyyy HH:mm 'UTC'")));
    }
};

bool minAgeApplies(PasswordChange change)
{
    return change == PasswordChange::UserChange || change == PasswordChange::SelfServiceReset;
}

} // namespace

ServerRulesVerdict evaluateServerRules(const PasswordPolicy &policy, QStringView candidate,
                                       const PasswordRecord &record, PasswordChange change,
                                       const QDateTime &now, const StoredHashMatcher &matches)
{
    ServerRulesVerdict result;

    const bool isCurrent = !record.currentHash.isEmpty() && matches(candidate, record.currentHash);
    result.verdicts.append({PolicyRule::NotCurrent, !isCurrent,
                            isCurrent ? ServerPasswordRules::reusedCurrent()
                                      : policy.describe(PolicyRule::NotCurrent)});

    bool inHistory = false;
    for (const QString &hash : record.previousHashes.mid(0, policy.historyCount)) {
        if (matches(candidate, hash)) {
            inHistory = true;
            break;
        }
    }
    result.verdicts.append(
        {PolicyRule::History, !inHistory,
         inHistory ? ServerPasswordRules::reusedPrevious() : policy.describe(PolicyRule::History)});

    bool tooSoon = false;
    if (minAgeApplies(change) && record.lastSetAt.isValid()) {
        const QDateTime allowedAt = record.lastSetAt.addSecs(qint64(policy.minAgeHours) * 3600);
        tooSoon = now < allowedAt;
        if (tooSoon)
            result.nextChangeAllowedAt = allowedAt;
    }
    result.verdicts.append({PolicyRule::MinAge, !tooSoon,
                            tooSoon ? ServerPasswordRules::tooSoon(result.nextChangeAllowedAt)
                                    : policy.describe(PolicyRule::MinAge)});
    // Judged regardless, so the rule's wording stays in one place; reported only when in force.
    result.verdicts.removeIf(
        [&policy](const RuleVerdict &verdict) { return !policy.enforces(verdict.rule); });
    return result;
}

} // namespace cqrs
