#pragma once

#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace cqrs::stub {

// The command line of docs/design.md §5:
//   serve --db FILE [--listen HOST:PORT] [--outbox DIR] [--tls-cert PEM --tls-key PEM]
//         [--admin-key KEY] [--idp] [--dev] ...
//   user add|list|unlock|invite --db FILE ...
//   demo --db FILE ...
// Options are "--name value" or "--name=value"; each command accepts only its own.
class CommandLine
{
public:
    QString
        command; // "serve", "user add", "user list", "user unlock", "user invite", "demo", "help"
    QMap<QString, QString> values;
    QSet<QString> flags;

    // std::nullopt with `error` set when the arguments (without the program name) are wrong.
    static std::optional<CommandLine> parse(const QStringList &arguments, QString *error);
    static QString usage();

    QString value(const QString &name, const QString &fallback = {}) const
    {
        return values.value(name, fallback);
    }
    bool flag(const QString &name) const { return flags.contains(name); }
    // A whole number option within [min, max]; `error` set when it is not.
    std::optional<qint64> number(const QString &name, qint64 fallback, qint64 min, qint64 max,
                                 QString *error) const;
};

} // namespace cqrs::stub
