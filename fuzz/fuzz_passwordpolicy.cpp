#include "fuzz/FuzzTarget.h"

#include "core/policy/PasswordPolicy.h"
#include "core/policy/UserIdParts.h"

using namespace cqrs;
using cqrs::fuzz::require;

namespace {

// Counted here without Qt's UCS-4 conversion: every UTF-16 unit is one code point, except
// that a high surrogate followed by a low one is a single code point together.
qsizetype codePointsOf(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        ++count;
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
    }
    return count;
}

bool hasControlCharacter(QStringView text)
{
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u <= 0x1F || (u >= 0x7F && u <= 0x9F))
            return true;
    }
    return false;
}

bool sameVerdicts(const PolicyVerdict &a, const PolicyVerdict &b)
{
    if (a.verdicts().size() != b.verdicts().size())
        return false;
    for (qsizetype i = 0; i < a.verdicts().size(); ++i) {
        const RuleVerdict &x = a.verdicts().at(i);
        const RuleVerdict &y = b.verdicts().at(i);
        if (x.rule != y.rule || x.passed != y.passed || x.message != y.message)
            return false;
    }
    return true;
}

bool passed(const PolicyVerdict &verdict, PolicyRule rule)
{
    const auto v = verdict.verdictFor(rule);
    require(v.has_value(), "every local rule has a verdict");
    return v->passed;
}

} // namespace

// Input: four bytes of policy parameters and options, then UTF-16 text: the User ID, a U+0000,
// and the password (which may hold further U+0000s). Lone surrogates are left in on purpose.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4)
        return 0;
    PasswordPolicy policy;
    policy.minLength = 1 + data[0] % 40;
    policy.maxLength = policy.minLength + data[1] % 40;
    policy.minCategories = data[2] % 5;
    policy.userIdPartMinLength = 1 + (data[3] & 0x7);
    const int confirmationMode = (data[3] >> 3) % 3;

    const QString text = cqrs::fuzz::utf16Of(
        QByteArrayView(reinterpret_cast<const char *>(data + 4), static_cast<qsizetype>(size - 4)));
    const qsizetype split = text.indexOf(QChar(0));
    const QString userId = split < 0 ? QString() : text.first(split);
    const QString password = split < 0 ? text : text.mid(split + 1);
    const QString different = password + QLatin1Char('x');
    std::optional<QStringView> confirmation;
    if (confirmationMode == 1)
        confirmation = password;
    else if (confirmationMode == 2)
        confirmation = different;

    const PolicyVerdict verdict = policy.evaluate(userId, password, confirmation);

    require(sameVerdicts(verdict, policy.evaluate(userId, password, confirmation)),
            "evaluation is deterministic");
    // Every rule in force that the client judges, in the policy's order, then confirmation.
    QList<PolicyRule> expectedRules;
    for (PolicyRule rule : policy.rules)
        if (cqrs::locallyJudgedRules().contains(rule))
            expectedRules.append(rule);
    if (confirmation)
        expectedRules.append(PolicyRule::Confirmation);
    bool allPassed = true;
    require(verdict.verdicts().size() == expectedRules.size(), "one verdict per local rule");
    for (qsizetype i = 0; i < expectedRules.size(); ++i) {
        const RuleVerdict &v = verdict.verdicts().at(i);
        require(v.rule == expectedRules.at(i), "verdicts come in checklist order");
        require(!v.message.isEmpty(), "every verdict says something");
        allPassed = allPassed && v.passed;
    }
    require(verdict.passed() == allPassed, "the verdict passes exactly when every rule does");

    const qsizetype length = codePointsOf(password);
    require(passed(verdict, PolicyRule::Length)
                == (length >= policy.minLength && length <= policy.maxLength),
            "length is counted in code points");
    require(passed(verdict, PolicyRule::Characters) == !hasControlCharacter(password),
            "control characters are refused, and nothing else is");
    if (policy.minCategories == 0)
        require(passed(verdict, PolicyRule::Categories), "no categories needed always passes");
    if (length < policy.minCategories)
        require(!passed(verdict, PolicyRule::Categories),
                "fewer characters than categories cannot pass");
    // The User ID is judged after NFC, which can join a letter and its accent into one.
    if (codePointsOf(userId.normalized(QString::NormalizationForm_C)) >= policy.userIdPartMinLength
        && caseFolded(password).contains(caseFolded(userId)))
        require(!passed(verdict, PolicyRule::UserId), "a password holding the User ID fails");
    if (userId.isEmpty())
        require(passed(verdict, PolicyRule::UserId), "no User ID, nothing to avoid");
    if (confirmationMode == 1)
        require(passed(verdict, PolicyRule::Confirmation) == !password.isEmpty(),
                "a repeated password confirms it");
    if (confirmationMode == 2)
        require(!passed(verdict, PolicyRule::Confirmation), "a different confirmation fails");
    return 0;
}
