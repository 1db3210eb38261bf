#pragma once

#include "core/policy/PasswordOwner.h"

#include <QStringList>
#include <QStringView>

namespace cqrs {

// The words a person's password must not contain (OWASP ASVS 5.0 6.2.11): the parts of their
// name and of their organisation's name or code, and the service's own words, each of at least
// `minLength` code points. Case-folded, longest first, without duplicates.
QStringList contextWords(const PasswordOwner &owner, const QStringList &serviceWords,
                         int minLength);

// The first of `words` the candidate contains anywhere, in any look-alike reading
// ("R1vers1de" contains "riverside"); empty when none.
QString contextWordIn(QStringView candidate, const QStringList &words);

} // namespace cqrs
