#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace cqrs {

// The rules of the Password Policy (docs/design.md §2). Their ids are stable: they appear in API
// errors (`violations`), in the UI's checklist and in tests.
enum class PolicyRule {
    Length, // "length"
    Categories, // "categories"
    UserId, // "user-id"
    Confirmation, // "confirmation"
    NotCurrent, // "not-current"
    History, // "history"
    MinAge, // "min-age"
    Characters, // "characters"
    CommonPassword, // "common-password"
    ContextWords, // "context-words"
};

QString ruleId(PolicyRule rule);
std::optional<PolicyRule> ruleFromId(QStringView id);

// Rules the client can judge while the user types, in the order a checklist shows them.
QList<PolicyRule> locallyJudgedRules();
// Rules only the server can judge, because only it knows the stored passwords and dates.
QList<PolicyRule> serverJudgedRules();
bool isServerJudged(PolicyRule rule);

// One rule's verdict on one candidate.
struct RuleVerdict
{
    PolicyRule rule;
    bool passed = false;
    QString message; // plain English, fit to show beside a tick or a cross

    QString id() const { return ruleId(rule); }
};

// The verdicts of every rule evaluated; every failing rule is present, not just the first.
class PolicyVerdict
{
public:
    PolicyVerdict() = default;
    explicit PolicyVerdict(QList<RuleVerdict> verdicts);

    const QList<RuleVerdict> &verdicts() const { return m_verdicts; }
    bool passed() const;
    QStringList violationIds() const;
    std::optional<RuleVerdict> verdictFor(PolicyRule rule) const;
    void append(const QList<RuleVerdict> &more);

private:
    QList<RuleVerdict> m_verdicts;
};

} // namespace cqrs
