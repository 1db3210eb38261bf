#include "core/policy/PasswordStrength.h"

#include <zxcvbn.h>

#include <cmath>
#include <memory>
#include <vector>

namespace cqrs {

namespace {

// An offline attack on a stolen slow hash (Argon2id): zxcvbn's own "slow hashing" rate.
constexpr double GuessesPerSecond = 1e4;

PasswordStrength::Level levelFor(double bits)
{
    if (bits < 26) // under about two hours
        return PasswordStrength::Level::VeryWeak;
    if (bits < 36) // under about three months
        return PasswordStrength::Level::Weak;
    if (bits < 46) // under about two centuries
        return PasswordStrength::Level::Fair;
    return PasswordStrength::Level::Strong;
}

QString guessTime(double bits)
{
    const double seconds = std::pow(2.0, bits) / GuessesPerSecond;
    constexpr double Minute = 60, Hour = 60 * Minute, Day = 24 * Hour, Year = 365 * Day;
    if (seconds < 1)
        return PasswordStrength::tr("could be guessed instantly");
    if (seconds < Minute)
        return PasswordStrength::tr("could be guessed in seconds");
    if (seconds < Hour)
        return PasswordStrength::tr("could be guessed in minutes");
    if (seconds < Day)
        return PasswordStrength::tr("could be guessed in hours");
    if (seconds < 31 * Day)
        return PasswordStrength::tr("could be guessed in days");
    if (seconds < Year)
        return PasswordStrength::tr("could be guessed in months");
    if (seconds < 100 * Year)
        return PasswordStrength::tr("could be guessed in years");
    return PasswordStrength::tr("would take centuries to guess");
}

QString tipFor(ZxcTypeMatch_t type)
{
    switch (type) {
    case YEAR_MATCH:
    case DATE_MATCH:
        return PasswordStrength::tr("Avoid years and dates: they are easy to guess.");
    case SPATIAL_MATCH:
        return PasswordStrength::tr("Keyboard patterns are easy to guess.");
    case SEQUENCE_MATCH:
        return PasswordStrength::tr("Avoid sequences such as abc or 123.");
    case REPEATS_MATCH:
        return PasswordStrength::tr("Avoid repeated characters and words.");
    case USER_MATCH:
    case USER_LEET_MATCH:
        return PasswordStrength::tr("Avoid your name, User ID and organisation.");
    case DICT_LEET_MATCH:
        return PasswordStrength::tr("Swapping letters for look-alike symbols does not help "
                                    "much: add another unusual word instead.");
    case DICTIONARY_MATCH:
        return PasswordStrength::tr("Add another unusual word.");
    default:
        return PasswordStrength::tr("Make it longer: a phrase of several unusual words is "
                                    "strong and easy to remember.");
    }
}

// The pattern covering most of the password is the one worth changing.
ZxcTypeMatch_t mainWeakness(const ZxcMatch_t *match)
{
    ZxcTypeMatch_t weakest = BRUTE_MATCH;
    int longest = 0;
    for (; match; match = match->Next) {
        const auto type = static_cast<ZxcTypeMatch_t>(match->Type & ~MULTIPLE_MATCH);
        if (type == BRUTE_MATCH)
            continue;
        if (match->Type & MULTIPLE_MATCH)
            return REPEATS_MATCH;
        if (match->Length > longest) {
            longest = match->Length;
            weakest = type;
        }
    }
    return weakest;
}

} // namespace

PasswordStrength PasswordStrength::estimate(const QString &password, const QStringList &userWords)
{
    PasswordStrength strength;
    if (password.isEmpty()) {
        strength.summary = tr("Type a password to see how hard it would be to guess");
        return strength;
    }
    std::vector<QByteArray> words;
    for (const QString &word : userWords) {
        if (!word.isEmpty())
            words.push_back(word.toUtf8());
    }
    std::vector<const char *> dictionary;
    dictionary.reserve(words.size() + 1);
    for (const QByteArray &word : words)
        dictionary.push_back(word.constData());
    dictionary.push_back(nullptr);

    ZxcMatch_t *matches = nullptr;
    const QByteArray utf8 = password.toUtf8();
    strength.bits = ZxcvbnMatch(utf8.constData(), dictionary.data(), &matches);
    const std::unique_ptr<ZxcMatch_t, void (*)(ZxcMatch_t *)> owned(matches, ZxcvbnFreeInfo);

    strength.level = levelFor(strength.bits);
    strength.summary = tr("%1 — %2").arg(levelName(strength.level), guessTime(strength.bits));
    if (strength.level != Level::Strong)
        strength.tip = tipFor(mainWeakness(matches));
    return strength;
}

QString PasswordStrength::levelName(Level level)
{
    switch (level) {
    case Level::None:
        return tr("Not rated yet");
    case Level::VeryWeak:
        return tr("Very weak");
    case Level::Weak:
        return tr("Weak");
    case Level::Fair:
        return tr("Fair");
    case Level::Strong:
        return tr("Strong");
    }
    Q_UNREACHABLE();
}

} // namespace cqrs
