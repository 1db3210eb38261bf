#include "core/crypto/PasswordHasher.h"

#include "core/crypto/SecureRandom.h"

#include <QByteArray>
#include <QRegularExpression>

#include <argon2.h>

namespace cqrs {

namespace {

QByteArray passwordBytes(QStringView password)
{
    return password.toString().normalized(QString::NormalizationForm_C).toUtf8();
}

// Upper bounds keep a hostile stored string from asking for gigabytes or hours.
constexpr quint32 MaxMemoryKiB = 4 * 1024 * 1024;
constexpr quint32 MaxIterations = 100;
constexpr quint32 MaxParallelism = 16;

} // namespace

bool Argon2Parameters::isAtLeast(const Argon2Parameters &other) const
{
    return memoryKiB >= other.memoryKiB && iterations >= other.iterations
        && parallelism >= other.parallelism;
}

PasswordHasher::PasswordHasher(const Argon2Parameters &parameters)
    : m_parameters(parameters)
{ }

std::optional<PasswordHasher> PasswordHasher::withParameters(const Argon2Parameters &parameters)
{
    if (!parameters.isAtLeast(Argon2Parameters::floor()) || parameters.memoryKiB > MaxMemoryKiB
        || parameters.iterations > MaxIterations || parameters.parallelism > MaxParallelism) {
        return std::nullopt;
    }
    return PasswordHasher(parameters);
}

QString PasswordHasher::hash(QStringView password) const
{
    const QByteArray pwd = passwordBytes(password);
    const QByteArray salt = SecureRandom::bytes(SaltBytes);
    const size_t encodedLength
        = argon2_encodedlen(m_parameters.iterations, m_parameters.memoryKiB,
                            m_parameters.parallelism, SaltBytes, HashBytes, Argon2_id);
    QByteArray encoded(static_cast<qsizetype>(encodedLength), '\0');
    const int rc = argon2id_hash_encoded(m_parameters.iterations, m_parameters.memoryKiB,
                                         m_parameters.parallelism, pwd.constData(),
                                         static_cast<size_t>(pwd.size()), salt.constData(),
                                         SaltBytes, HashBytes, encoded.data(), encodedLength);
    if (rc != ARGON2_OK)
        qFatal("Argon2id hashing failed: %s", argon2_error_message(rc));
    return QString::fromLatin1(encoded.constData());
}

bool PasswordHasher::verify(QStringView password, QStringView phc) const
{
    if (!parametersOf(phc))
        return false;
    const QByteArray pwd = passwordBytes(password);
    const QByteArray encoded = phc.toLatin1();
    return argon2id_verify(encoded.constData(), pwd.constData(), static_cast<size_t>(pwd.size()))
        == ARGON2_OK;
}

bool PasswordHasher::needsRehash(QStringView phc) const
{
    const auto stored = parametersOf(phc);
    return !stored || !stored->isAtLeast(m_parameters);
}

std::optional<Argon2Parameters> PasswordHasher::parametersOf(QStringView phc)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^\$argon2id\$v=19\$m=([0-9]{1,10}),t=([0-9]{1,10}),p=([0-9]{1,10}))"
                       R"(\$[A-Za-z0-9+/]{11,}\$[A-Za-z0-9+/]{22,}$)"));
    const QString text = phc.toString();
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    bool okM = false, okT = false, okP = false;
    const Argon2Parameters p {match.capturedView(1).toUInt(&okM),
                              match.capturedView(2).toUInt(&okT),
                              match.capturedView(3).toUInt(&okP)};
    if (!okM || !okT || !okP || !p.isAtLeast(Argon2Parameters::floor())
        || p.memoryKiB > MaxMemoryKiB || p.iterations > MaxIterations
        || p.parallelism > MaxParallelism) {
        return std::nullopt;
    }
    return p;
}

} // namespace cqrs
