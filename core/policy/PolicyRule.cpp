#include "core/policy/PolicyRule.h"

#include <array>
#include <utility>

namespace cqrs {

namespace {

constexpr std::array<std::pair<PolicyRule, const char *>, 10> RuleIds {{
    {PolicyRule::Length, "length"},
    {PolicyRule::Categories, "categories"},
    {PolicyRule::UserId, "user-id"},
    {PolicyRule::Confirmation, "confirmation"},
    {PolicyRule::NotCurrent, "not-current"},
    {PolicyRule::History, "history"},
    {PolicyRule::MinAge, "min-age"},
    {PolicyRule::Characters, "characters"},
    {PolicyRule::CommonPassword, "common-password"},
    {PolicyRule::ContextWords, "context-words"},
}};

} // namespace

QString ruleId(PolicyRule rule)
{
    for (const auto &[r, id] : RuleIds) {
        if (r == rule)
            return QString::fromLatin1(id);
    }
    Q_UNREACHABLE();
}

std::optional<PolicyRule> ruleFromId(QStringView id)
{
    for (const auto &[r, text] : RuleIds) {
        if (id == QLatin1String(text))
            return r;
    }
    return std::nullopt;
}

QList<PolicyRule> locallyJudgedRules()
{
    return {PolicyRule::Length,         PolicyRule::Categories,   PolicyRule::UserId,
            PolicyRule::CommonPassword, PolicyRule::ContextWords, PolicyRule::Characters,
            PolicyRule::Confirmation};
}

QList<PolicyRule> serverJudgedRules()
{
    return {PolicyRule::NotCurrent, PolicyRule::History, PolicyRule::MinAge};
}

bool isServerJudged(PolicyRule rule)
{
    return serverJudgedRules().contains(rule);
}

PolicyVerdict::PolicyVerdict(QList<RuleVerdict> verdicts)
    : m_verdicts(std::move(verdicts))
{ }

bool PolicyVerdict::passed() const
{
    for (const RuleVerdict &v : m_verdicts) {
        if (!v.passed)
            return false;
    }
    return true;
}

QStringList PolicyVerdict::violationIds() const
{
    QStringList ids;
    for (const RuleVerdict &v : m_verdicts) {
        if (!v.passed)
            ids.append(v.id());
    }
    return ids;
}

std::optional<RuleVerdict> PolicyVerdict::verdictFor(PolicyRule rule) const
{
    for (const RuleVerdict &v : m_verdicts) {
        if (v.rule == rule)
            return v;
    }
    return std::nullopt;
}

void PolicyVerdict::append(const QList<RuleVerdict> &more)
{
    m_verdicts.append(more);
}

} // namespace cqrs
