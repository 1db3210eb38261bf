#pragma once

#include "core/policy/PasswordOwner.h"
#include "core/policy/PolicyRule.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace cqrs {

// The Password Policy's parameters, as served by GET /api/v1/password-policy, and the rules the
// client can judge locally (docs/design.md §2, docs/passwords.md). The server enforces the same
// object, so a rule is written once. A default-constructed policy is the "seed" profile. JSON:
// {"profile":"seed","rules":["length","categories",...],"minLength":8,"maxLength":32,
//  "minCategories":3,"userIdPartMinLength":3,"contextWordMinLength":3,
//  "serviceWords":["cqrs",...],"historyCount":8,"minAgeHours":72}
class PasswordPolicy
{
    Q_DECLARE_TR_FUNCTIONS(PasswordPolicy)

public:
    QString profile = QStringLiteral("seed");
    // The rules in force, in the order a checklist shows them. Confirmation is not among them:
    // it belongs to the form, and the server never sees the second field.
    QList<PolicyRule> rules = seedRules();
    int minLength = 8;
    int maxLength = 32;
    int minCategories = 3;
    int userIdPartMinLength = 3;
    int contextWordMinLength = 3;
    QStringList serviceWords = defaultServiceWords();
    int historyCount = 8;
    int minAgeHours = 72;

    // "seed" (the product contract's rules plus the common-password and context-words rules)
    // or "nist" (NIST SP 800-63B-4); nullopt for any other name.
    static std::optional<PasswordPolicy> named(QStringView profile);
    static QStringList profileNames();

    bool enforces(PolicyRule rule) const { return rules.contains(rule); }
    // For a first password (registration): without a current, an earlier or a last-set
    // password, the not-current, history and minimum-age rules cannot apply, and listing them
    // would only puzzle the person.
    PasswordPolicy forFirstPassword() const;

    // Rejects missing or wrong-typed fields and inconsistent values (min > max, categories
    // outside 1..4, negative counts), with the reason in `error`. A policy without "rules" is
    // from a server older than the profiles: it enforces the seed's original rules only.
    static std::optional<PasswordPolicy> fromJson(const QJsonObject &json,
                                                  QString *error = nullptr);
    QJsonObject toJson() const;

    // The rules in force that can be judged without the server, and confirmation when a
    // confirmation is given. Every such rule gets a verdict.
    PolicyVerdict evaluate(const PasswordOwner &owner, QStringView candidate,
                           std::optional<QStringView> confirmation = std::nullopt) const;
    PolicyVerdict evaluate(QStringView userId, QStringView candidate,
                           std::optional<QStringView> confirmation = std::nullopt) const
    {
        return evaluate(PasswordOwner {userId.toString(), {}, {}}, candidate, confirmation);
    }

    // The rule in plain English, as a policy summary shows it before anything is typed.
    QString describe(PolicyRule rule) const;

    friend bool operator==(const PasswordPolicy &, const PasswordPolicy &) = default;

private:
    RuleVerdict lengthVerdict(qsizetype codePoints) const;
    // A rule against containing a word: names the word found, if any.
    RuleVerdict containsVerdict(PolicyRule rule, const QString &found) const;
    static QList<PolicyRule> seedRules();
    static QStringList defaultServiceWords();
};

} // namespace cqrs
