#pragma once

#include <QStringList>
#include <QStringView>

namespace cqrs {

// The ways a case-folded password can be read once the usual look-alike substitutions are
// undone (@ -> a, 0 -> o, 1 -> i or l, 3 -> e, $ -> s): "P@ssw0rd" reads as "password".
// Every "1" may stand for "i" or "l", so each combination is returned for up to MaxOnes ones,
// and beyond that only all-"i" and all-"l". The first entry is the folded text itself.
QStringList lookalikeReadings(QStringView text);

// The text without the digits and symbols people add at the end to satisfy a rule:
// "Summer2025!" -> "Summer". Empty when nothing but digits and symbols is left.
QStringView withoutTrailingDigitsAndSymbols(QStringView text);

} // namespace cqrs
