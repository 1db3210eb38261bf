#include "app/CommandLine.h"

#include "core/settings/ServiceSettings.h"

#include <QCommandLineParser>

namespace cqrs::app {

CommandLine CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Register for and sign in to CQRS National (the NHS Calculating Quality Reporting "
           "Service)."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption server(
        QStringLiteral("server"),
        tr("CQRS server to use, for testers; IT policy and your own settings take precedence."),
        tr("URL"));
    parser.addOption(server);
    parser.addPositionalArgument(QStringLiteral("link"),
                                 tr("A cqrs://register or cqrs://reset link from an email."),
                                 tr("[--] [link]"));

    CommandLine result;
    auto fail = [&result](const QString &why) {
        result.action = Action::Fail;
        result.message = why;
        return result;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    // addHelpOption() also offers --help-all (Qt's own options too); the same help serves it.
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all"))) {
        result.action = Action::ShowHelp;
        result.message = parser.helpText().replace(QStringLiteral("<executable_name>"),
                                                   QStringLiteral("cqrs-desktop"));
        return result;
    }
    if (parser.isSet(version)) {
        result.action = Action::ShowVersion;
        result.message = QCoreApplication::applicationName() + QLatin1Char(' ')
            + QCoreApplication::applicationVersion();
        return result;
    }
    if (parser.isSet(server)) {
        result.server = QUrl(parser.value(server), QUrl::StrictMode);
        // Never echoed: it may carry a password.
        if (!result.server.userInfo().isEmpty())
            return fail(tr("--server must not contain a user name or password. Give the "
                           "address only, such as https://cqrs.example.nhs.uk/."));
        if (!ServiceSettings::isUsableServerUrl(result.server))
            return fail(tr("--server needs an https:// address (or http:// on this computer), "
                           "such as https://cqrs.example.nhs.uk/."));
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return fail(tr("Give at most one link."));
    // A link pasted into a terminal or a shortcut can carry a space or line break at its ends,
    // never inside: dropped here, so a first launch and a hand-over (a line) read it alike.
    // An empty one (a shortcut's %u with nothing in it) is no link: the app just opens.
    if (!positional.isEmpty() && !positional.first().trimmed().isEmpty())
        result.link = positional.first().trimmed();
    return result;
}

} // namespace cqrs::app
