#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace cqrs::app {

// cqrs-desktop [--server URL] [--] [LINK]
// Everything after `--` is the link, never an option: the Windows URL handler runs
// `cqrs-desktop.exe -- "%1"`, so a link that looks like an option cannot switch anything on.
struct CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum class Action { Run, ShowHelp, ShowVersion, Fail };

    Action action = Action::Run;
    QUrl server; // from --server, empty if not given
    std::optional<QString> link; // the one positional argument, unparsed
    QString message; // help text, version or what is wrong

    static CommandLine parse(const QStringList &arguments);
};

} // namespace cqrs::app
