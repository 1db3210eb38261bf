#pragma once

#include "core/policy/PasswordPolicy.h"
#include "core/policy/PolicyRule.h"

#include <QDateTime>
#include <QStringList>

#include <functional>
#include <optional>

namespace cqrs {

// Who is setting the password decides whether the minimum age applies (docs/design.md §2).
enum class PasswordChange {
    Registration, // first password through the registration link: no min-age
    AdministratorReset, // link issued by an administrator: no min-age
    UserChange, // signed-in user changes their own: min-age applies
    SelfServiceReset, // forgotten-password link the user asked for: min-age applies
};

// What the server remembers about a user's passwords.
struct PasswordRecord
{
    QString currentHash; // empty before the first password is set
    QStringList previousHashes; // newest first; at most PasswordPolicy::historyCount are used
    QDateTime lastSetAt; // invalid before the first password is set
};

// Checks a candidate against a stored hash (PasswordHasher::verify in production).
using StoredHashMatcher = std::function<bool(QStringView candidate, QStringView storedHash)>;

struct ServerRulesVerdict
{
    QList<RuleVerdict> verdicts; // those of not-current, history and min-age in force
    QDateTime nextChangeAllowedAt; // valid only when min-age failed
};

// The rules only the server can judge: not-current, history and min-age. Pure: it takes what
// the server knows and the time now, and reads nothing else.
ServerRulesVerdict evaluateServerRules(const PasswordPolicy &policy, QStringView candidate,
                                       const PasswordRecord &record, PasswordChange change,
                                       const QDateTime &now, const StoredHashMatcher &matches);

} // namespace cqrs
