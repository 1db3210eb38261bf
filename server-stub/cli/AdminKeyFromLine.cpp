#include "server-stub/cli/Commands.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcessEnvironment>

#include <algorithm>

namespace cqrs::stub::Commands {

namespace {

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(AdminKeyFromLine)

public:
    static QString both()
    {
        return tr("Give the admin key once: --admin-key-file or --admin-key, not both.");
    }
    static QString unreadable(const QString &file)
    {
        return tr("Cannot read the admin key file %1: check that it exists and that you may "
                  "read it.")
            .arg(file);
    }
    static QString emptyFile(const QString &file)
    {
        return tr("The admin key file %1 holds no key. Put a key of at least %2 characters in "
                  "it, for example: openssl rand -base64 24 >%1")
            .arg(file)
            .arg(MinimumAdminKeyLength);
    }
    static QString unsendable()
    {
        return tr("The admin key must be printable characters without spaces (no control "
                  "characters): it is sent in an HTTP header. Generate one, for example: openssl "
                  "rand -base64 24");
    }
    static QString tooShort(qsizetype length)
    {
        return tr("The admin key has %1 characters; it must have at least %2, because a short "
                  "key can be guessed. Generate one, for example: openssl rand -base64 24")
            .arg(length)
            .arg(MinimumAdminKeyLength);
    }
};

} // namespace

std::optional<QString> adminKey(const CommandLine &line, QString *error)
{
    const QString file = line.value(QStringLiteral("admin-key-file"));
    if (!file.isEmpty() && line.values.contains(QStringLiteral("admin-key"))) {
        *error = Messages::both();
        return std::nullopt;
    }
    QString key;
    if (!file.isEmpty()) {
        QFile source(file);
        if (!source.open(QIODevice::ReadOnly)) {
            *error = Messages::unreadable(file);
            return std::nullopt;
        }
        // A key file usually ends with a newline, which is not part of the key.
        key = QString::fromUtf8(source.read(4096)).trimmed();
        // Naming a file asks for the admin API: an empty one must not quietly turn it off.
        if (key.isEmpty()) {
            *error = Messages::emptyFile(file);
            return std::nullopt;
        }
    } else {
        key = line.value(
            QStringLiteral("admin-key"),
            QProcessEnvironment::systemEnvironment().value(QStringLiteral("CQRS_ADMIN_KEY")));
    }
    if (!key.isEmpty() && key.size() < MinimumAdminKeyLength) {
        *error = Messages::tooShort(key.size());
        return std::nullopt;
    }
    // A key no Authorization header can carry (a file of NUL bytes, say) would start a server
    // whose admin API answers nothing but 401.
    if (std::any_of(key.cbegin(), key.cend(),
                    [](QChar c) { return !c.isPrint() || c.isSpace(); })) {
        *error = Messages::unsendable();
        return std::nullopt;
    }
    return key;
}

} // namespace cqrs::stub::Commands
