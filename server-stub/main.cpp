#include "server-stub/cli/CommandLine.h"
#include "server-stub/cli/Commands.h"
#include "server-stub/cli/IdpCommands.h"
#include "server-stub/storage/Database.h"

#include <QCoreApplication>
#include <QTextStream>

#include <stdexcept>

#ifndef _WIN32
#include <sys/stat.h>
#endif

using namespace cqrs::stub;

int main(int argc, char *argv[])
{
#ifndef _WIN32
    // The database holds password hashes and the stand-in provider's private key, the outbox
    // live links: whatever the stub creates is for its own user alone.
    umask(S_IRWXG | S_IRWXO);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("cqrs-server-stub"));
    QTextStream err(stderr);

    QString error;
    const std::optional<CommandLine> line
        = CommandLine::parse(QCoreApplication::arguments().mid(1), &error);
    if (!line) {
        err << error << "\n\n" << CommandLine::usage();
        return 2;
    }
    try {
        if (line->command == QLatin1String("serve"))
            return Commands::serve(*line);
        if (line->command == QLatin1String("demo"))
            return Commands::demo(*line);
        if (line->command == QLatin1String("idp add-account"))
            return IdpCommands::addAccount(*line);
        if (line->command == QLatin1String("user unlink-nhsmail"))
            return IdpCommands::unlinkNhsMail(*line);
        if (line->command.startsWith(QLatin1String("user ")))
            return Commands::user(*line);
        QTextStream(stdout) << CommandLine::usage();
        return 0;
    } catch (const StorageError &e) {
        err << "storage problem: " << e.what() << Qt::endl;
    } catch (const std::exception &e) {
        err << e.what() << Qt::endl;
    }
    return 1;
}
