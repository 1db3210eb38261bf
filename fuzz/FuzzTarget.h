#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

// Every target is a libFuzzer entry point. The same source builds into a libFuzzer binary (the
// `fuzz` preset) and into a replay executable that CTest runs over the checked-in corpus.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace cqrs::fuzz {

inline QByteArray bytesOf(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// The bytes read as UTF-16 code units, lone surrogates and all: what a text field can hold.
inline QString utf16Of(QByteArrayView bytes)
{
    if (bytes.size() < 2)
        return {};
    QString text(bytes.size() / 2, Qt::Uninitialized);
    std::memcpy(text.data(), bytes.data(), static_cast<size_t>(text.size()) * sizeof(QChar));
    return text;
}

// A broken invariant is a crash, so libFuzzer saves the input and the replay test fails; it
// works in every build type, unlike assert() or Q_ASSERT.
inline void require(bool holds, const char *invariant)
{
    if (holds)
        return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", invariant);
    std::abort();
}

} // namespace cqrs::fuzz
