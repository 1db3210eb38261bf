#include "core/policy/LookalikeFolding.h"

#include "core/policy/UserIdParts.h"

#include <QVarLengthArray>

#include <algorithm>

namespace cqrs {

namespace {

// 2^4 = 16 readings at most: enough for "P1ll1ng" and cheap on every keystroke.
constexpr int MaxOnes = 4;

QChar undoSubstitution(QChar c)
{
    switch (c.unicode()) {
    case u'@':
        return u'a';
    case u'0':
        return u'o';
    case u'3':
        return u'e';
    case u'$':
        return u's';
    default:
        return c;
    }
}

} // namespace

QStringList lookalikeReadings(QStringView text)
{
    QString folded = caseFolded(text);
    // Most keystrokes leave nothing to undo: then the folded text is the only reading.
    if (std::none_of(folded.cbegin(), folded.cend(),
                     [](QChar c) { return c == u'1' || undoSubstitution(c) != c; }))
        return {std::move(folded)};

    QString plain = folded;
    QVarLengthArray<qsizetype, 8> ones;
    for (qsizetype i = 0; i < plain.size(); ++i) {
        if (plain[i] == u'1')
            ones.append(i);
        else
            plain[i] = undoSubstitution(plain[i]);
    }

    QStringList readings {folded};
    auto addReading = [&](auto readsAsI) {
        QString reading = plain;
        for (qsizetype n = 0; n < ones.size(); ++n)
            reading[ones[n]] = readsAsI(n) ? u'i' : u'l';
        if (!readings.contains(reading))
            readings.append(reading);
    };
    if (ones.size() <= MaxOnes) {
        for (unsigned mask = 0; mask < (1u << ones.size()); ++mask)
            addReading([mask](qsizetype n) { return (mask >> n) & 1u; });
    } else {
        addReading([](qsizetype) { return true; });
        addReading([](qsizetype) { return false; });
    }
    return readings;
}

QStringView withoutTrailingDigitsAndSymbols(QStringView text)
{
    qsizetype end = text.size();
    while (end > 0
           && (text[end - 1].isDigit() || text[end - 1].isPunct() || text[end - 1].isSymbol()
               || text[end - 1].isSpace()))
        --end;
    return text.first(end);
}

} // namespace cqrs
