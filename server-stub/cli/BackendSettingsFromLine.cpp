#include "server-stub/cli/Commands.h"

#include <QCoreApplication>

namespace cqrs::stub::Commands {

std::optional<BackendSettings> backendSettings(const CommandLine &line, QString *error)
{
    BackendSettings settings;
    settings.databasePath = line.value(QStringLiteral("db"));
    settings.outboxDirectory = line.value(QStringLiteral("outbox"));
    settings.publicUrl = line.value(QStringLiteral("public-url"));
    while (settings.publicUrl.endsWith(QLatin1Char('/')))
        settings.publicUrl.chop(1);
    settings.printLinks = line.flag(QStringLiteral("dev"));
    const auto policy = PasswordPolicy::named(
        line.value(QStringLiteral("password-policy"), QStringLiteral("seed")));
    if (!policy) {
        if (error)
            *error = QCoreApplication::translate("CommandLine",
                                                 "--password-policy must be one of: %1.")
                         .arg(PasswordPolicy::profileNames().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    settings.policy = *policy;

    constexpr qint64 Minute = 60 * 1000;
    const auto days = line.number(QStringLiteral("registration-days"), 7, 1, 365, error);
    const auto resetMinutes
        = line.number(QStringLiteral("reset-minutes"), 60, 1, 7 * 24 * 60, error);
    const auto failures = line.number(QStringLiteral("lockout-failures"), 5, 1, 100, error);
    const auto lockMinutes = line.number(QStringLiteral("lockout-minutes"), 15, 1, 24 * 60, error);
    const auto idle = line.number(QStringLiteral("session-idle-minutes"), 30, 1, 24 * 60, error);
    const auto maxHours = line.number(QStringLiteral("session-max-hours"), 12, 1, 24 * 30, error);
    const auto hashingThreads = line.number(QStringLiteral("hashing-threads"), 0, 0, 64, error);
    if (!days || !resetMinutes || !failures || !lockMinutes || !idle || !maxHours
        || !hashingThreads)
        return std::nullopt;
    // Below OWASP's floor is refused: the floor is what the stub promises.
    const Argon2Parameters floor = Argon2Parameters::floor();
    const auto memory = line.number(QStringLiteral("argon2-memory-kib"), floor.memoryKiB,
                                    floor.memoryKiB, 1024 * 1024, error);
    const auto iterations = line.number(QStringLiteral("argon2-iterations"), floor.iterations,
                                        floor.iterations, 20, error);
    if (!memory || !iterations)
        return std::nullopt;
    settings.registrationLifetimeMs = *days * 24 * 60 * Minute;
    settings.resetLifetimeMs = *resetMinutes * Minute;
    settings.lockout = {int(*failures), *lockMinutes * Minute};
    settings.sessions = {*idle * Minute, *maxHours * 60 * Minute};
    settings.hashingThreads = int(*hashingThreads);
    settings.argon2.memoryKiB = quint32(*memory);
    settings.argon2.iterations = quint32(*iterations);
    return settings;
}

} // namespace cqrs::stub::Commands
