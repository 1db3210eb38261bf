#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace cqrs {

// Argon2id cost. The defaults are OWASP's minimum for Argon2id (m = 19 MiB, t = 2, p = 1),
// which is also the floor: a stored hash that claims less is refused, so a tampered row
// cannot make verification cheap.
struct Argon2Parameters
{
    quint32 memoryKiB = 19 * 1024;
    quint32 iterations = 2;
    quint32 parallelism = 1;

    static Argon2Parameters floor() { return {}; }
    bool isAtLeast(const Argon2Parameters &other) const;
    friend bool operator==(const Argon2Parameters &, const Argon2Parameters &) = default;
};

// Hashes and verifies passwords as PHC strings:
// $argon2id$v=19$m=19456,t=2,p=1$<salt, base64 unpadded>$<hash, base64 unpadded>
// Passwords are NFC-normalised and UTF-8 encoded first, so the same password typed on
// keyboards that compose accents differently hashes the same.
class PasswordHasher
{
public:
    static constexpr int SaltBytes = 16;
    static constexpr int HashBytes = 32;

    PasswordHasher() = default;
    // std::nullopt for parameters below the floor.
    static std::optional<PasswordHasher> withParameters(const Argon2Parameters &parameters);

    const Argon2Parameters &parameters() const { return m_parameters; }

    // Slow on purpose (about 0.1 s at the defaults): call off any event or network thread.
    QString hash(QStringView password) const;
    // False for a wrong password and for any stored string that is not a well-formed Argon2id
    // PHC string at or above the floor. The comparison inside libargon2 is constant-time.
    bool verify(QStringView password, QStringView phc) const;
    // True when `phc` was made with weaker parameters than this hasher's: rehash at next sign-in.
    bool needsRehash(QStringView phc) const;

    static std::optional<Argon2Parameters> parametersOf(QStringView phc);

private:
    explicit PasswordHasher(const Argon2Parameters &parameters);

    Argon2Parameters m_parameters;
};

} // namespace cqrs
