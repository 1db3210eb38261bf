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

// The first of `words` that any of the candidate's look-alike readings (lookalikeReadings())
// contains anywhere ("R1vers1de" contains "riverside"); empty when none.
QString contextWordIn(const QStringList &candidateReadings, const QStringList &words);

} // namespace cqrs
