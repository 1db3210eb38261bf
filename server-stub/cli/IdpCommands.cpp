#include "server-stub/cli/IdpCommands.h"

#include "server-stub/cli/Commands.h"
#include "server-stub/idp/IdpAccounts.h"
#include "server-stub/service/Backend.h"
#include "server-stub/storage/NhsMailBindings.h"

#include "core/oidc/token/NhsMailAddress.h"

#include <QTextStream>

namespace cqrs::stub::IdpCommands {

int addAccount(const CommandLine &line)
{
    QTextStream err(stderr);
    QTextStream out(stdout);
    QString error;
    const std::optional<BackendSettings> settings = Commands::backendSettings(line, &error);
    if (!settings) {
        err << error << Qt::endl;
        return 2;
    }
    const QString email = line.value(QStringLiteral("email")).trimmed();
    const QString name = line.value(QStringLiteral("name")).trimmed();
    QString password = line.value(QStringLiteral("password"));
    if (password.isEmpty())
        password = QTextStream(stdin).readLine();
    if (email.isEmpty() || name.isEmpty() || password.isEmpty()) {
        err << "idp add-account needs --email, --name and a password (--password or on standard "
               "input)."
            << Qt::endl;
        return 2;
    }
    Backend backend(*settings);
    const IdpAccounts accounts(backend.database(), backend.hashing());
    if (!accounts.add(email, name, password, backend.clock().nowMs())) {
        err << "The stand-in identity provider already has an account for " << email << "."
            << Qt::endl;
        return 1;
    }
    out << "added stand-in NHSmail account " << email << Qt::endl;
    if (!NhsMailAddress::isNhsMail(email))
        out << "note: " << email
            << " is not an NHSmail address, so CQRS will refuse it (as a test of that refusal)."
            << Qt::endl;
    return 0;
}

int unlinkNhsMail(const CommandLine &line)
{
    QTextStream err(stderr);
    QString error;
    const std::optional<BackendSettings> settings = Commands::backendSettings(line, &error);
    if (!settings) {
        err << error << Qt::endl;
        return 2;
    }
    const QString userId = line.value(QStringLiteral("user-id"));
    Backend backend(*settings);
    const NhsMailBindings bindings(backend.database());
    const std::optional<NhsMailBinding> binding = bindings.bindingOf(userId);
    if (!binding || !bindings.unlink(userId)) {
        err << "User " << userId
            << " has no NHSmail account linked (\"user list\" shows the users)." << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << "user " << userId << " unlinked from NHSmail account "
                        << binding->identity.subject << " of " << binding->identity.issuer
                        << "; their next NHSmail sign-in links the account with their email"
                        << Qt::endl;
    return 0;
}

} // namespace cqrs::stub::IdpCommands
