#include "core/policy/PasswordPolicy.h"

#include "core/policy/CommonPasswords.h"
#include "core/policy/ContextWords.h"
#include "core/policy/LookalikeFolding.h"
#include "core/policy/OwnerWords.h"

#include <QJsonArray>
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
constexpr Field ContextWordMinLength {"contextWordMinLength", &PasswordPolicy::contextWordMinLength,
                                      1, 64};
constexpr int MaxServiceWords = 64;

// What a server that predates the profiles enforces.
const QList<PolicyRule> OriginalSeedRules {
    PolicyRule::Length,     PolicyRule::Categories, PolicyRule::UserId, PolicyRule::Characters,
    PolicyRule::NotCurrent, PolicyRule::History,    PolicyRule::MinAge};

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

void count(Composition &c, char32_t cp)
{
    ++c.codePoints;
    if (isControl(cp))
        c.control = true;
    // Invisible format characters (zero-width space, direction marks, the joiner inside an
    // emoji) are allowed, but are not "printable" symbols: no category.
    else if (QChar::category(cp) == QChar::Other_Format)
        return;
    else if (cp >= U'0' && cp <= U'9')
        c.digit = true;
    else if (QChar::category(cp) == QChar::Letter_Uppercase)
        c.upper = true;
    else if (QChar::category(cp) == QChar::Letter_Lowercase)
        c.lower = true;
    else
        c.other = true;
}

Composition compositionOf(QStringView candidate)
{
    // Walked in place rather than through toUcs4(): this runs on every keystroke.
    Composition c;
    for (qsizetype i = 0; i < candidate.size(); ++i) {
        const QChar unit = candidate[i];
        if (unit.isHighSurrogate() && i + 1 < candidate.size()
            && candidate[i + 1].isLowSurrogate()) {
            count(c, QChar::surrogateToUcs4(unit, candidate[++i]));
        } else {
            count(c, unit.unicode());
        }
    }
    return c;
}

// QString::arg(int) goes through QLocale's number formatting, which cost more than every rule
// together on each keystroke; these are plain "%1" placeholders, so the C digits are the same.
QString number(qsizetype n)
{
    return QString::number(n);
}

QJsonArray idsOf(const QList<PolicyRule> &rules)
{
    QJsonArray ids;
    for (PolicyRule rule : rules)
        ids.append(ruleId(rule));
    return ids;
}

QString foundIn(const QString &folded, const QStringList &fragments)
{
    for (const QString &fragment : fragments) {
        if (folded.contains(fragment))
            return fragment;
    }
    return {};
}

} // namespace

QList<PolicyRule> PasswordPolicy::seedRules()
{
    return {PolicyRule::Length,       PolicyRule::Categories,     PolicyRule::UserId,
            PolicyRule::ContextWords, PolicyRule::CommonPassword, PolicyRule::Characters,
            PolicyRule::NotCurrent,   PolicyRule::History,        PolicyRule::MinAge};
}

QStringList PasswordPolicy::defaultServiceWords()
{
    return {QStringLiteral("cqrs"),    QStringLiteral("nhs"),      QStringLiteral("nhsmail"),
            QStringLiteral("qof"),     QStringLiteral("password"), QStringLiteral("passwort"),
            QStringLiteral("quality"), QStringLiteral("reporting")};
}

QStringList PasswordPolicy::profileNames()
{
    return {QStringLiteral("seed"), QStringLiteral("nist")};
}

std::optional<PasswordPolicy> PasswordPolicy::named(QStringView profile)
{
    PasswordPolicy policy;
    if (profile == u"seed")
        return policy;
    if (profile != u"nist")
        return std::nullopt;
    // NIST SP 800-63B-4 §3.1.1.2: at least 15 characters where the password is the only
    // factor, at least 64 allowed, no composition rules, no periodic or history-driven change;
    // a blocklist and context-specific words instead. Not-current stays: a reset after a
    // compromise must not put the compromised password back.
    policy.profile = QStringLiteral("nist");
    policy.rules = {PolicyRule::Length,         PolicyRule::UserId,     PolicyRule::ContextWords,
                    PolicyRule::CommonPassword, PolicyRule::Characters, PolicyRule::NotCurrent};
    policy.minLength = 15;
    policy.maxLength = 64;
    policy.minCategories = 0;
    policy.historyCount = 0;
    policy.minAgeHours = 0;
    return policy;
}

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
    if (!json.contains(QStringLiteral("rules"))) {
        policy.rules = OriginalSeedRules;
        policy.serviceWords.clear();
        return policy;
    }

    const QJsonValue profile = json.value(QStringLiteral("profile"));
    const QJsonValue rules = json.value(QStringLiteral("rules"));
    const QJsonValue minWord = json.value(QString::fromLatin1(ContextWordMinLength.name));
    const QJsonValue words = json.value(QStringLiteral("serviceWords"));
    if (!profile.isString() || profile.toString().isEmpty() || profile.toString().size() > 32
        || !rules.isArray() || !words.isArray() || words.toArray().size() > MaxServiceWords
        || !minWord.isDouble() || minWord.toDouble() != std::floor(minWord.toDouble())
        || minWord.toDouble() < ContextWordMinLength.minimum
        || minWord.toDouble() > ContextWordMinLength.maximum)
        return fail(tr("The password policy's profile, rules, contextWordMinLength or "
                       "serviceWords are missing or malformed."));
    policy.profile = profile.toString();
    policy.contextWordMinLength = minWord.toInt();
    policy.rules.clear();
    // A rule this client does not know is left to the server, which names it if it refuses.
    for (const auto &id : rules.toArray()) {
        const auto rule = ruleFromId(id.toString());
        if (rule && *rule != PolicyRule::Confirmation && !policy.rules.contains(*rule))
            policy.rules.append(*rule);
    }
    policy.serviceWords.clear();
    for (const auto &word : words.toArray()) {
        if (!word.isString() || word.toString().isEmpty() || word.toString().size() > 64)
            return fail(tr("The password policy's serviceWords must be short words."));
        policy.serviceWords.append(word.toString());
    }
    return policy;
}

PasswordPolicy PasswordPolicy::forFirstPassword() const
{
    PasswordPolicy first = *this;
    first.rules.removeIf([](PolicyRule rule) {
        return rule == PolicyRule::NotCurrent || rule == PolicyRule::History
            || rule == PolicyRule::MinAge;
    });
    return first;
}

QJsonObject PasswordPolicy::toJson() const
{
    QJsonObject json;
    for (const Field &field : Fields)
        json.insert(QString::fromLatin1(field.name), this->*field.member);
    json.insert(QStringLiteral("profile"), profile);
    json.insert(QStringLiteral("rules"), idsOf(rules));
    json.insert(QString::fromLatin1(ContextWordMinLength.name), contextWordMinLength);
    json.insert(QStringLiteral("serviceWords"), QJsonArray::fromStringList(serviceWords));
    return json;
}

QString PasswordPolicy::describe(PolicyRule rule) const
{
    switch (rule) {
    case PolicyRule::Length:
        return minLength == maxLength
            ? tr("Exactly %1 characters long").arg(number(minLength))
            : tr("Between %1 and %2 characters long").arg(number(minLength), number(maxLength));
    case PolicyRule::Categories:
        return tr("At least %1 of these 4: capital letters (A to Z), small letters (a to z), "
                  "numbers (0 to 9), symbols or spaces")
            .arg(number(minCategories));
    case PolicyRule::UserId:
        return tr("Does not contain your User ID or any part of it");
    case PolicyRule::Characters:
        return tr("No invisible control characters, such as tab or new line");
    case PolicyRule::CommonPassword:
        return tr("Not a commonly used password, such as Password1! or Summer2025!");
    case PolicyRule::ContextWords:
        return tr("Does not contain your name, your organisation's name or code, or words of "
                  "this service such as CQRS, NHS or QOF");
    case PolicyRule::Confirmation:
        return tr("Both password fields match");
    case PolicyRule::NotCurrent:
        return tr("Different from your current password (checked when you submit)");
    case PolicyRule::History:
        return historyCount == 1
            ? tr("Different from your previous password (checked when you submit)")
            : tr("Different from each of your previous %1 passwords (checked when you "
                 "submit)")
                  .arg(number(historyCount));
    case PolicyRule::MinAge:
        return tr("If you are changing your own password: at least %1 hours since it was last "
                  "set (checked when you submit)")
            .arg(number(minAgeHours));
    }
    Q_UNREACHABLE();
}

PolicyVerdict PasswordPolicy::evaluate(const PasswordOwner &owner, QStringView candidate,
                                       std::optional<QStringView> confirmation) const
{
    // Counted as it will be stored: the server hashes the NFC form, so "e" typed with a
    // combining accent is the one letter "é", and the length is that of the password that works.
    const Composition c
        = compositionOf(candidate.toString().normalized(QString::NormalizationForm_C));
    // The word rules read the candidate the same ways: work those out once per keystroke. The
    // first reading is the case-folded candidate, which the user-id rule compares.
    const QStringList readings = enforces(PolicyRule::UserId) || enforces(PolicyRule::ContextWords)
            || enforces(PolicyRule::CommonPassword)
        ? lookalikeReadings(candidate)
        : QStringList();
    const OwnerWords &words
        = ownerWords(owner, userIdPartMinLength, serviceWords, contextWordMinLength);
    QList<RuleVerdict> verdicts;
    verdicts.reserve(rules.size() + 1);
    for (PolicyRule rule : rules) {
        switch (rule) {
        case PolicyRule::Length:
            verdicts.append(lengthVerdict(c.codePoints));
            break;
        case PolicyRule::Categories: {
            const bool ok = c.categories() >= minCategories;
            verdicts.append(
                {rule, ok,
                 ok ? describe(rule)
                    : tr("%1 (you have %2 so far)").arg(describe(rule), number(c.categories()))});
            break;
        }
        case PolicyRule::UserId:
            verdicts.append(
                containsVerdict(rule, foundIn(readings.first(), words.userIdFragments)));
            break;
        case PolicyRule::ContextWords:
            verdicts.append(containsVerdict(rule, contextWordIn(readings, words.contextWords)));
            break;
        case PolicyRule::CommonPassword: {
            // Nothing typed yet is not a common password; length says what is missing.
            const bool common = !candidate.isEmpty() && isCommonPassword(candidate, readings);
            verdicts.append({rule, !common,
                             common
                                 ? tr("This is one of the most commonly used passwords, with a few "
                                      "changes at most: choose something less predictable")
                                 : describe(rule)});
            break;
        }
        case PolicyRule::Characters:
            verdicts.append({rule, !c.control,
                             c.control ? tr("Remove invisible control characters, such as tab "
                                            "or new line")
                                       : describe(rule)});
            break;
        default:
            break; // judged by the server (ServerPasswordRules) or the form (below)
        }
    }

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

RuleVerdict PasswordPolicy::lengthVerdict(qsizetype codePoints) const
{
    QString message = describe(PolicyRule::Length);
    if (codePoints < minLength)
        message = tr("%1: add %2 more").arg(message, number(minLength - codePoints));
    else if (codePoints > maxLength)
        message = tr("%1: remove %2").arg(message, number(codePoints - maxLength));
    return {PolicyRule::Length, codePoints >= minLength && codePoints <= maxLength, message};
}

RuleVerdict PasswordPolicy::containsVerdict(PolicyRule rule, const QString &found) const
{
    return {rule, found.isEmpty(),
            found.isEmpty() ? describe(rule) : tr("%1: remove \"%2\"").arg(describe(rule), found)};
}

} // namespace cqrs
