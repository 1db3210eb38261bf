#include "ui/PasswordChecklist.h"

#include "ui/Theme.h"

#include <QLabel>
#include <QVBoxLayout>

namespace cqrs::ui {

PasswordChecklist::PasswordChecklist(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("passwordChecklist"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    rebuildItems();
    showPending();
}

void PasswordChecklist::setPolicy(const PasswordPolicy &policy, const PasswordOwner &owner)
{
    const bool sameRules = policy.rules == m_policy.rules;
    m_policy = policy;
    m_owner = owner;
    if (!sameRules)
        rebuildItems();
    showPending();
}

void PasswordChecklist::rebuildItems()
{
    qDeleteAll(m_items);
    m_items.clear();
    m_states.clear();
    // What can be judged while typing first, then the confirmation, then what waits for submit.
    QList<PolicyRule> shown;
    for (PolicyRule rule : m_policy.rules) {
        if (!isServerJudged(rule))
            shown.append(rule);
    }
    shown.append(PolicyRule::Confirmation);
    for (PolicyRule rule : m_policy.rules) {
        if (isServerJudged(rule))
            shown.append(rule);
    }
    for (PolicyRule rule : shown) {
        auto *item = new QLabel(this);
        item->setObjectName(QStringLiteral("rule-") + ruleId(rule));
        item->setWordWrap(true);
        item->setTextFormat(Qt::PlainText);
        layout()->addWidget(item);
        m_items.insert(rule, item);
    }
}

void PasswordChecklist::showPending()
{
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it)
        present(it.key(), State::Pending, m_policy.describe(it.key()));
}

bool PasswordChecklist::evaluate(const QString &password, const QString &confirmation)
{
    if (password.isEmpty() && confirmation.isEmpty()) {
        showPending();
        return false;
    }
    const PolicyVerdict verdict = m_policy.evaluate(m_owner, password, QStringView(confirmation));
    for (const RuleVerdict &v : verdict.verdicts()) {
        if (m_items.contains(v.rule))
            present(v.rule, v.passed ? State::Met : State::NotMet, v.message);
    }
    // A new candidate has not been judged by the server yet.
    for (PolicyRule rule : serverJudgedRules()) {
        if (m_items.contains(rule))
            present(rule, State::Pending, m_policy.describe(rule));
    }
    return verdict.passed();
}

void PasswordChecklist::showServerViolations(const QStringList &ruleIds,
                                             const QHash<QString, QString> &detail)
{
    // A policy refusal names every rule the candidate breaks (DESIGN §2), so the server's
    // rules it did not name were met. Without names (a wrong current password, no answer) the
    // server judged no rule, and they stay to be checked.
    if (!ruleIds.isEmpty()) {
        for (PolicyRule rule : serverJudgedRules()) {
            if (m_items.contains(rule))
                present(rule, State::Met, m_policy.describe(rule));
        }
    }
    for (const QString &id : ruleIds) {
        const auto rule = ruleFromId(id);
        if (!rule || !m_items.contains(*rule))
            continue;
        present(*rule, State::NotMet, detail.value(id, m_policy.describe(*rule)));
    }
}

PasswordChecklist::State PasswordChecklist::stateOf(PolicyRule rule) const
{
    return m_states.value(rule, State::Pending);
}

void PasswordChecklist::present(PolicyRule rule, State state, const QString &text)
{
    QLabel *item = m_items.value(rule);
    m_states.insert(rule, state);
    QString mark;
    const char *tone = "";
    switch (state) {
    case State::Pending:
        mark = QStringLiteral("\u25CB "); // white circle
        break;
    case State::Met:
        mark = QStringLiteral("\u2714 ") + tr("Met:") + QLatin1Char(' ');
        tone = "met";
        break;
    case State::NotMet:
        mark = QStringLiteral("\u2718 ") + tr("Not met:") + QLatin1Char(' ');
        tone = "notMet";
        break;
    }
    item->setText(mark + text);
    Theme::setTone(item, tone);
    item->setAccessibleName(item->text());
}

} // namespace cqrs::ui
