#pragma once

#include "core/policy/PolicyRule.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace cqrs {

// The Password Policy's parameters, as served by GET /api/v1/password-policy, and the rules the
// client can judge locally (docs/design.md §2). The server enforces the same object, so a rule is
// written once. JSON:
// {"minLength":8,"maxLength":32,"minCategories":3,"userIdPartMinLength":3,
//  "historyCount":8,"minAgeHours":72}
class PasswordPolicy
{
    Q_DECLARE_TR_FUNCTIONS(PasswordPolicy)

public:
    int minLength = 8;
    int maxLength = 32;
    int minCategories = 3;
    int userIdPartMinLength = 3;
    int historyCount = 8;
    int minAgeHours = 72;

    // Rejects missing or wrong-typed fields and inconsistent values (min > max, categories
    // outside 1..4, negative counts), with the reason in `error`.
    static std::optional<PasswordPolicy> fromJson(const QJsonObject &json,
                                                  QString *error = nullptr);
    QJsonObject toJson() const;

    // The rules that can be judged without the server: length, categories, user-id, characters,
    // and confirmation when a confirmation is given. Every rule gets a verdict.
    PolicyVerdict evaluate(QStringView userId, QStringView candidate,
                           std::optional<QStringView> confirmation = std::nullopt) const;

    // The rule in plain English, as a policy summary shows it before anything is typed.
    QString describe(PolicyRule rule) const;

    friend bool operator==(const PasswordPolicy &, const PasswordPolicy &) = default;
};

} // namespace cqrs
