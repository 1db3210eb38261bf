#pragma once

#include <QByteArrayView>

namespace cqrs {

// Compares two secrets without leaking, through timing, how long their common prefix is.
// Only the lengths (which are not secret for fixed-size hashes and tokens) affect the time.
bool equalInConstantTime(QByteArrayView a, QByteArrayView b);

} // namespace cqrs
