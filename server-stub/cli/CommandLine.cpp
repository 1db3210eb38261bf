#include "server-stub/cli/CommandLine.h"

#include <QCoreApplication>

namespace cqrs::stub {

namespace {

struct CommandSpec
{
    QString name;
    QStringList valueOptions;
    QStringList flagOptions;
    QStringList required;
};

const QStringList BackendOptions {QStringLiteral("db"), QStringLiteral("outbox"),
                                  QStringLiteral("public-url"), QStringLiteral("registration-days"),
                                  QStringLiteral("reset-minutes")};

QList<CommandSpec> specs()
{
    const QString db = QStringLiteral("db");
    return {
        {QStringLiteral("serve"),
         BackendOptions
             + QStringList {QStringLiteral("listen"), QStringLiteral("tls-cert"),
                            QStringLiteral("tls-key"), QStringLiteral("admin-key"),
                            QStringLiteral("admin-key-file"), QStringLiteral("workers"),
                            QStringLiteral("hashing-threads"), QStringLiteral("argon2-memory-kib"),
                            QStringLiteral("argon2-iterations"), QStringLiteral("lockout-failures"),
                            QStringLiteral("lockout-minutes"),
                            QStringLiteral("session-idle-minutes"),
                            QStringLiteral("session-max-hours"), QStringLiteral("trust-issuer"),
                            QStringLiteral("trust-audience"), QStringLiteral("password-policy")},
         {QStringLiteral("dev"), QStringLiteral("idp")},
         {db}},
        {QStringLiteral("user add"),
         BackendOptions
             + QStringList {QStringLiteral("user-id"), QStringLiteral("email"),
                            QStringLiteral("name"), QStringLiteral("organisation"),
                            QStringLiteral("role")},
         {},
         {db, QStringLiteral("user-id"), QStringLiteral("email"), QStringLiteral("name")}},
        {QStringLiteral("user list"), {db}, {}, {db}},
        {QStringLiteral("user unlock"),
         {db, QStringLiteral("user-id")},
         {},
         {db, QStringLiteral("user-id")}},
        {QStringLiteral("user unlink-nhsmail"),
         {db, QStringLiteral("user-id")},
         {},
         {db, QStringLiteral("user-id")}},
        {QStringLiteral("user invite"),
         BackendOptions + QStringList {QStringLiteral("user-id")},
         {},
         {db, QStringLiteral("user-id")}},
        {QStringLiteral("demo"), BackendOptions, {}, {db}},
        {QStringLiteral("idp add-account"),
         BackendOptions
             + QStringList {QStringLiteral("email"), QStringLiteral("name"),
                            QStringLiteral("password")},
         {},
         {db, QStringLiteral("email"), QStringLiteral("name")}},
    };
}

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    static QString noCommand() { return tr("Say what to do: serve, user, demo, idp or help."); }
    static QString unknownCommand(const QString &given)
    {
        return tr("Unknown command \"%1\".").arg(given);
    }
    static QString unknownOption(const QString &option, const QString &command)
    {
        return tr("\"%1\" is not an option of \"%2\".").arg(option, command);
    }
    static QString missingValue(const QString &option)
    {
        return tr("--%1 needs a value.").arg(option);
    }
    static QString missingOption(const QString &option, const QString &command)
    {
        return tr("\"%1\" needs --%2.").arg(command, option);
    }
    static QString badNumber(const QString &option, qint64 min, qint64 max)
    {
        return tr("--%1 must be a whole number from %2 to %3.").arg(option).arg(min).arg(max);
    }
};

} // namespace

std::optional<CommandLine> CommandLine::parse(const QStringList &arguments, QString *error)
{
    CommandLine line;
    // Exit codes are 0 done, 1 failed, 2 wrong command line: a script that forgot the command
    // must not read the usage as success.
    if (arguments.isEmpty()) {
        *error = Messages::noCommand();
        return std::nullopt;
    }
    if (arguments.first() == QLatin1String("help") || arguments.first() == QLatin1String("--help")
        || arguments.first() == QLatin1String("-h")) {
        line.command = QStringLiteral("help");
        return line;
    }
    qsizetype next = 1;
    line.command = arguments.first();
    if ((line.command == QLatin1String("user") || line.command == QLatin1String("idp"))
        && arguments.size() > 1) {
        line.command += QLatin1Char(' ') + arguments.at(1);
        next = 2;
    }
    const QList<CommandSpec> all = specs();
    const auto spec = std::find_if(all.begin(), all.end(),
                                   [&](const CommandSpec &s) { return s.name == line.command; });
    if (spec == all.end()) {
        *error = Messages::unknownCommand(arguments.mid(0, next).join(QLatin1Char(' ')));
        return std::nullopt;
    }
    for (; next < arguments.size(); ++next) {
        const QString &argument = arguments.at(next);
        if (!argument.startsWith(QLatin1String("--"))) {
            *error = Messages::unknownOption(argument, line.command);
            return std::nullopt;
        }
        const qsizetype equals = argument.indexOf(QLatin1Char('='));
        const QString name = argument.mid(2, equals < 0 ? -1 : equals - 2);
        if (spec->flagOptions.contains(name) && equals < 0) {
            line.flags.insert(name);
        } else if (spec->valueOptions.contains(name)) {
            if (equals >= 0) {
                line.values.insert(name, argument.mid(equals + 1));
            } else if (next + 1 < arguments.size()) {
                line.values.insert(name, arguments.at(++next));
            } else {
                *error = Messages::missingValue(name);
                return std::nullopt;
            }
        } else {
            *error = Messages::unknownOption(argument, line.command);
            return std::nullopt;
        }
    }
    for (const QString &required : spec->required) {
        if (line.value(required).isEmpty()) {
            *error = Messages::missingOption(required, line.command);
            return std::nullopt;
        }
    }
    return line;
}

std::optional<qint64> CommandLine::number(const QString &name, qint64 fallback, qint64 min,
                                          qint64 max, QString *error) const
{
    if (!values.contains(name))
        return fallback;
    bool ok = false;
    const qint64 value = values.value(name).toLongLong(&ok);
    if (!ok || value < min || value > max) {
        *error = Messages::badNumber(name, min, max);
        return std::nullopt;
    }
    return value;
}

QString CommandLine::usage()
{
    return QStringLiteral(
        "usage:\n"
        "  cqrs-server-stub serve --db FILE [--listen 127.0.0.1:8080] [--outbox DIR]\n"
        "                         [--tls-cert PEM --tls-key PEM] [--admin-key-file FILE | "
        "--admin-key KEY]\n"
        "                         [--idp] [--dev]\n"
        "                         [--public-url URL] [--workers N] [--hashing-threads N]\n"
        "                         [--argon2-memory-kib N] [--argon2-iterations N]\n"
        "                         [--lockout-failures N] [--lockout-minutes N]\n"
        "                         [--session-idle-minutes N] [--session-max-hours N]\n"
        "                         [--registration-days N] [--reset-minutes N]\n"
        "                         [--trust-issuer URL --trust-audience CLIENT_ID]\n"
        "                         [--password-policy seed|nist]\n"
        "  cqrs-server-stub user add --db FILE --user-id ID --email E --name NAME\n"
        "                         [--organisation O] [--role R] [--outbox DIR] [--public-url URL]\n"
        "  cqrs-server-stub user list --db FILE\n"
        "  cqrs-server-stub user unlock --db FILE --user-id ID\n"
        "  cqrs-server-stub user invite --db FILE --user-id ID [--outbox DIR] [--public-url URL]\n"
        "  cqrs-server-stub user unlink-nhsmail --db FILE --user-id ID\n"
        "  cqrs-server-stub demo --db FILE [--outbox DIR] [--public-url URL]\n"
        "  cqrs-server-stub idp add-account --db FILE --email E --name NAME [--password P]\n"
        "                         (without --password, the password is read from standard input)\n"
        "\n"
        "--listen 127.0.0.1:0 picks a free port; the line \"listening on URL\" says which.\n"
        "The admin key (at least 16 characters) may also come from the CQRS_ADMIN_KEY\n"
        "environment variable; --admin-key-file keeps it out of process listings.\n"
        "The outbox defaults to FILE.outbox; the public URL to the listening address\n"
        "(serve) or http://127.0.0.1:8080 (other commands).\n");
}

} // namespace cqrs::stub
