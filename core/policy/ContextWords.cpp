#include "core/policy/ContextWords.h"

#include "core/policy/UserIdParts.h"

#include <algorithm>

namespace cqrs {

QStringList contextWords(const PasswordOwner &owner, const QStringList &serviceWords, int minLength)
{
    // Names and organisations split like a User ID: "Riverside Surgery (A81001)" gives
    // "riverside", "surgery" and "81001" (which "a81001" contains).
    QStringList words = forbiddenUserIdFragments(owner.displayName, minLength)
        + forbiddenUserIdFragments(owner.organisation, minLength);
    for (const QString &word : serviceWords) {
        if (word.size() >= minLength)
            words.append(caseFolded(word));
    }
    std::sort(words.begin(), words.end(), [](const QString &a, const QString &b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

QString contextWordIn(const QStringList &candidateReadings, const QStringList &words)
{
    for (const QString &word : words) {
        for (const QString &reading : candidateReadings) {
            if (reading.contains(word))
                return word;
        }
    }
    return {};
}

} // namespace cqrs
