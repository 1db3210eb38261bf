#pragma once

#include <QStringList>
#include <QStringView>

namespace cqrs {

// Whether a candidate is one of the shipped common passwords (data/README.md) once case,
// look-alike substitutions and trailing digits and symbols are set aside: "P@ssw0rd2024" and
// "Summer2025!" are. The list is read once, on first use, from the compiled-in resource;
// thread-safe.
bool isCommonPassword(QStringView candidate);
// The same, for a caller that already has the candidate's lookalikeReadings().
bool isCommonPassword(QStringView candidate, const QStringList &candidateReadings);

} // namespace cqrs
