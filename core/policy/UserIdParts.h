#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

namespace cqrs {

// The fragments of a User ID a password must not contain (docs/design.md §2): the whole User ID and
// every part of at least `minPartLength` code points, parts being split at every character that
// is not a letter or digit and at every letter/digit boundary. Returned case-folded, longest
// first, without duplicates.
QStringList forbiddenUserIdFragments(QStringView userId, int minPartLength);

// Unicode full case folding (so "STRASSE" matches "straße") after NFC normalisation.
QString caseFolded(QStringView text);

} // namespace cqrs
