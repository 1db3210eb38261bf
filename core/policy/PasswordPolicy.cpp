#include "core/policy/PasswordPolicy.h"

#include "core/policy/UserIdParts.h"

#include <QJsonValue>

#include <array>
#include <cmath>

namespace cqrs {

namespace {

struct Field
{
    const char *name;
    int PasswordPolicy::*member;
    int minimum;
    int maximum;
};

// Bounds keep a wrong-shaped or hostile policy from making the client or server misbehave
// (a maximum length of a billion, a negative history).
constexpr std::array<Field, 6> Fields {{
    {"minLength", &PasswordPolicy::minLength, 1, 1024},
    {"maxLength", &PasswordPolicy::maxLength, 1, 1024},
    {"minCategories", &PasswordPolicy::minCategories, 0, 4},
    {"userIdPartMinLength", &PasswordPolicy::userIdPartMinLength, 1, 64},
    {"historyCount", &PasswordPolicy::historyCount, 0, 64},
    {"minAgeHours", &PasswordPolicy::minAgeHours, 0, 24 * 366},
}};

bool isControl(char32_t c)
{
    return c <= 0x1F || (c >= 0x7F && c <= 0x9F);
}

struct Composition
{
    qsizetype codePoints = 0;
    bool upper = false;
    bool lower = false;
    bool digit = false;
    bool other = false;
    bool control = false;

    int categories() const { return int(upper) + int(lower) + int(digit) + int(other); }
};

Composition compositionOf(QStringView candidate)
{
    Composition c;
    for (const uint u : candidate.toUcs4()) {
        const char32_t cp = u;
        ++c.codePoints;
        if (isControl(cp))
            c.control = true;
        else if (cp >= U'0' && cp <= U'9')
            c.digit = true;
        else if (QChar::category(cp) == QChar::Letter_Uppercase)
            c.upper = true;
        else if (QChar::category(cp) == QChar::Letter_Lowercase)
            c.lower = true;
        else
            c.other = true;
    }
    return c;
}

} // namespace

std::optional<PasswordPolicy> PasswordPolicy::fromJson(const QJsonObject &json, QString *error)
{
    auto fail = [error](const QString &why) -> std::optional<PasswordPolicy> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    PasswordPolicy policy;
    for (const Field &field : Fields) {
        const QString name = QString::fromLatin1(field.name);
        const QJsonValue value = json.value(name);
        const double number = value.toDouble(std::nan(""));
        if (!value.isDouble() || number != std::floor(number) || number < field.minimum
            || number > field.maximum) {
            return fail(tr("The password policy field \"%1\" is missing or not a whole number "
                           "from %2 to %3.")
                            .arg(name)
                            .arg(field.minimum)
                            .arg(field.maximum));
        }
        policy.*field.member = static_cast<int>(number);
    }
    if (policy.minLength > policy.maxLength)
        return fail(tr("The password policy's minimum length is greater than its maximum."));
    return policy;
}

QJsonObject PasswordPolicy::toJson() const
{
    QJsonObject json;
    for (const Field &field : Fields)
        json.insert(QString::fromLatin1(field.name), this->*field.member);
    return json;
}

QString PasswordPolicy::describe(PolicyRule rule) const
{
    switch (rule) {
    case PolicyRule::Length:
        return minLength == maxLength
            ? tr("Exactly %1 characters long").arg(minLength)
            : tr("Between %1 and %2 characters long").arg(minLength).arg(maxLength);
    case PolicyRule::Categories:
        return tr("At least %1 of these 4: capital letters (A to Z), small letters (a to z), "
                  "numbers (0 to 9), symbols or spaces")
            .arg(minCategories);
    case PolicyRule::UserId:
        return tr("Does not contain your User ID or any part of it");
    case PolicyRule::Characters:
        return tr("No invisible control characters, such as tab or new line");
    case PolicyRule::Confirmation:
        return tr("Both password fields match");
    case PolicyRule::NotCurrent:
        return tr("Different from your current password (checked when you submit)");
    case PolicyRule::History:
        return historyCount == 1
            ? tr("Different from your previous password (checked when you submit)")
            : tr("Different from each of your previous %1 passwords (checked when you "
                 "submit)")
                  .arg(historyCount);
    case PolicyRule::MinAge:
        return tr("If you are changing your own password: at least %1 hours since it was last "
                  "set (checked when you submit)")
            .arg(minAgeHours);
    }
    Q_UNREACHABLE();
}

PolicyVerdict PasswordPolicy::evaluate(QStringView userId, QStringView candidate,
                                       std::optional<QStringView> confirmation) const
{
    const Composition c = compositionOf(candidate);
    QList<RuleVerdict> verdicts;

    const bool lengthOk = c.codePoints >= minLength && c.codePoints <= maxLength;
    QString lengthMessage = describe(PolicyRule::Length);
    if (c.codePoints < minLength)
        lengthMessage = tr("%1: add %2 more").arg(lengthMessage).arg(minLength - c.codePoints);
    else if (c.codePoints > maxLength)
        lengthMessage = tr("%1: remove %2").arg(lengthMessage).arg(c.codePoints - maxLength);
    verdicts.append({PolicyRule::Length, lengthOk, lengthMessage});

    const bool categoriesOk = c.categories() >= minCategories;
    verdicts.append({PolicyRule::Categories, categoriesOk,
                     categoriesOk ? describe(PolicyRule::Categories)
                                  : tr("%1 (you have %2 so far)")
                                        .arg(describe(PolicyRule::Categories))
                                        .arg(c.categories())});

    const QString folded = caseFolded(candidate);
    QString foundFragment;
    for (const QString &fragment : forbiddenUserIdFragments(userId, userIdPartMinLength)) {
        if (folded.contains(fragment)) {
            foundFragment = fragment;
            break;
        }
    }
    verdicts.append(
        {PolicyRule::UserId, foundFragment.isEmpty(),
         foundFragment.isEmpty()
             ? describe(PolicyRule::UserId)
             : tr("%1: remove \"%2\"").arg(describe(PolicyRule::UserId), foundFragment)});

    verdicts.append({PolicyRule::Characters, !c.control,
                     c.control ? tr("Remove invisible control characters, such as tab or new line")
                               : describe(PolicyRule::Characters)});

    if (confirmation) {
        // Two empty fields are not yet a confirmation: the tick would be a false promise.
        const bool matches = !confirmation->isEmpty() && *confirmation == candidate;
        QString message = describe(PolicyRule::Confirmation);
        if (confirmation->isEmpty())
            message = tr("%1: type the password again in the second field").arg(message);
        else if (!matches)
            message = tr("The two passwords do not match yet");
        verdicts.append({PolicyRule::Confirmation, matches, message});
    }
    return PolicyVerdict(verdicts);
}

} // namespace cqrs
