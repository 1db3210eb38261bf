#include "core/policy/UserIdParts.h"

#include <algorithm>

namespace cqrs {

namespace {

enum class RunKind { None, Letters, Digits };

RunKind kindOf(char32_t c, RunKind previous)
{
    if (QChar::isDigit(c))
        return RunKind::Digits;
    if (QChar::isLetter(c))
        return RunKind::Letters;
    // A combining accent belongs to the letter before it (decomposed input such as "e\u0301").
    if (QChar::isMark(c) && previous == RunKind::Letters)
        return RunKind::Letters;
    return RunKind::None;
}

qsizetype codePointCount(QStringView text)
{
    return text.toUcs4().size();
}

} // namespace

QString caseFolded(QStringView text)
{
    // ASCII needs neither normalisation nor the one-to-many mappings, and it runs on every
    // keystroke.
    if (std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; }))
        return text.toString().toLower();
    // Qt's toCaseFolded() is simple (one-to-one) folding; upper- then lower-casing applies the
    // one-to-many mappings of full folding too ("ß" -> "SS" -> "ss", "ﬁ" -> "FI" -> "fi").
    return text.toString().normalized(QString::NormalizationForm_C).toUpper().toLower();
}

QStringList forbiddenUserIdFragments(QStringView userId, int minPartLength)
{
    const QString id = userId.toString().normalized(QString::NormalizationForm_C);
    QStringList fragments;
    if (codePointCount(id) >= minPartLength)
        fragments.append(caseFolded(id));

    QString part;
    RunKind runKind = RunKind::None;
    auto closePart = [&] {
        if (codePointCount(part) >= minPartLength)
            fragments.append(caseFolded(part));
        part.clear();
    };
    for (const uint u : id.toUcs4()) {
        const char32_t c = u;
        const RunKind kind = kindOf(c, runKind);
        if (kind != runKind)
            closePart();
        runKind = kind;
        if (kind != RunKind::None)
            part.append(QString::fromUcs4(&c, 1));
    }
    closePart();

    std::sort(fragments.begin(), fragments.end(), [](const QString &a, const QString &b) {
        return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    fragments.erase(std::unique(fragments.begin(), fragments.end()), fragments.end());
    return fragments;
}

} // namespace cqrs
