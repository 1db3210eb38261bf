#include "server-stub/cli/Commands.h"
#include "server-stub/service/Administration.h"

#include <QTextStream>

namespace cqrs::stub::Commands {

namespace {

const QString DefaultPublicUrl = QStringLiteral("http://127.0.0.1:8080");

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

std::optional<BackendSettings> settingsFor(const CommandLine &line)
{
    QString error;
    std::optional<BackendSettings> settings = backendSettings(line, &error);
    if (!settings) {
        err() << error << Qt::endl;
        return std::nullopt;
    }
    if (settings->publicUrl.isEmpty())
        settings->publicUrl = DefaultPublicUrl;
    return settings;
}

void printLink(const SentLink &link)
{
    out() << "email written to " << link.emailFile << Qt::endl
          << "web link: " << link.webLink << Qt::endl
          << "app link:" << Qt::endl
          << link.appLink << Qt::endl;
}

int add(Backend &backend, const CommandLine &line)
{
    User user;
    user.userId = line.value(QStringLiteral("user-id"));
    user.email = line.value(QStringLiteral("email"));
    user.displayName = line.value(QStringLiteral("name"));
    user.organisation = line.value(QStringLiteral("organisation"));
    user.role = line.value(QStringLiteral("role"));
    const Administration::Created created = Administration(backend).createUser(user);
    if (created.kind == Administration::Created::Kind::Invalid) {
        err() << created.problem << Qt::endl;
        return 2;
    }
    if (created.kind == Administration::Created::Kind::Exists) {
        err() << "A user with this User ID already exists: use \"user invite\" to send a new link."
              << Qt::endl;
        return 1;
    }
    out() << "user " << created.user.userId << " created" << Qt::endl;
    printLink(created.link);
    return 0;
}

int list(Backend &backend)
{
    const qint64 now = backend.clock().nowMs();
    out() << "user id\tname\temail\torganisation\trole\tregistered\tlocked" << Qt::endl;
    for (const User &user : backend.users().all()) {
        out() << user.userId << '\t' << user.displayName << '\t' << user.email << '\t'
              << user.organisation << '\t' << user.role << '\t'
              << (user.hasPassword() ? "yes" : "no") << '\t'
              << (backend.throttle().lockedForMs(user.userId, now) > 0 ? "yes" : "no") << Qt::endl;
    }
    return 0;
}

int unlockOrInvite(Backend &backend, const CommandLine &line)
{
    const QString userId = line.value(QStringLiteral("user-id"));
    Administration administration(backend);
    if (line.command == QLatin1String("user unlock")) {
        if (administration.unlock(userId)) {
            out() << "user " << userId << " unlocked" << Qt::endl;
            return 0;
        }
    } else if (const std::optional<SentLink> link = administration.reinvite(userId)) {
        out() << "new registration link sent to " << userId << "; older links no longer work"
              << Qt::endl;
        printLink(*link);
        return 0;
    }
    err() << "There is no user " << userId << ": \"user list\" shows them all." << Qt::endl;
    return 1;
}

} // namespace

int user(const CommandLine &line)
{
    const std::optional<BackendSettings> settings = settingsFor(line);
    if (!settings)
        return 2;
    Backend backend(*settings);
    if (line.command == QLatin1String("user add"))
        return add(backend, line);
    if (line.command == QLatin1String("user list"))
        return list(backend);
    return unlockOrInvite(backend, line);
}

int demo(const CommandLine &line)
{
    const std::optional<BackendSettings> settings = settingsFor(line);
    if (!settings)
        return 2;
    Backend backend(*settings);
    User user;
    user.userId = QStringLiteral("demo.user");
    user.displayName = QStringLiteral("Demo User");
    user.email = QStringLiteral("demo.user@nhs.net");
    user.organisation = QStringLiteral("A81001");
    user.role = QStringLiteral("Practice Manager");
    Administration administration(backend);
    // Running the demo again sends a fresh link, so it always prints one that works.
    const Administration::Created created = administration.createUser(user);
    const std::optional<SentLink> link = created.kind == Administration::Created::Kind::Created
        ? created.link
        : administration.reinvite(user.userId);
    if (!link) {
        err() << "The demo user could not be set up." << Qt::endl;
        return 1;
    }
    out() << "demo user: " << user.userId << " (" << user.displayName << ", " << user.email
          << ", organisation " << user.organisation << ", " << user.role << ")" << Qt::endl;
    printLink(*link);
    return 0;
}

} // namespace cqrs::stub::Commands
