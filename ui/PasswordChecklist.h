#pragma once

#include "core/policy/PasswordPolicy.h"

#include <QHash>
#include <QMap>
#include <QWidget>

class QLabel;

namespace cqrs::ui {

// The Password Policy as a checklist: one line per rule the server says is in force (and the
// form's own confirmation), worded by core/policy, so no profile's wording lives here. Rules the
// client judges tick or cross as the person types; the server's rules say they are checked on
// submit until the server gives its verdict. Each line starts with a symbol and the words "Met" or
// "Not met", so the state never depends on colour alone.
class PasswordChecklist : public QWidget
{
    Q_OBJECT

public:
    enum class State { Pending, Met, NotMet };

    explicit PasswordChecklist(QWidget *parent = nullptr);

    void setPolicy(const PasswordPolicy &policy, const PasswordOwner &owner);
    // Returns whether every locally judged rule passes.
    bool evaluate(const QString &password, const QString &confirmation);
    // After a refusal: marks the rules the server named as not met, and its other rules as met
    // when it named any; `detail` replaces a rule's wording (e.g. when the next change is
    // allowed for min-age).
    void showServerViolations(const QStringList &ruleIds,
                              const QHash<QString, QString> &detail = {});

    State stateOf(PolicyRule rule) const;

private:
    void rebuildItems();
    void showPending();
    void present(PolicyRule rule, State state, const QString &text);

    PasswordPolicy m_policy;
    PasswordOwner m_owner;
    QMap<PolicyRule, QLabel *> m_items;
    QMap<PolicyRule, State> m_states;
};

} // namespace cqrs::ui
