#include "core/policy/CommonPasswords.h"

#include "core/policy/LookalikeFolding.h"

#include <QFile>
#include <QSet>
#include <QString>

static void initPolicyResources()
{
    // The resource lives in a static library: it is registered only if something refers to it.
    Q_INIT_RESOURCE(common_passwords);
}

namespace cqrs {

namespace {

QSet<QString> loadCommonPasswords()
{
    initPolicyResources();
    QFile file(QStringLiteral(":/cqrs/policy/common-passwords.txt"));
    // A build without its list must not quietly accept every password.
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        qFatal("The common passwords list is missing from this build.");
    QSet<QString> passwords;
    passwords.reserve(10000);
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.isEmpty())
            passwords.insert(QString::fromUtf8(line));
    }
    return passwords;
}

const QSet<QString> &commonPasswords()
{
    static const QSet<QString> passwords = loadCommonPasswords();
    return passwords;
}

bool anyListed(const QStringList &readings)
{
    const QSet<QString> &listed = commonPasswords();
    for (const QString &reading : readings) {
        if (listed.contains(reading))
            return true;
    }
    return false;
}

} // namespace

bool isCommonPassword(QStringView candidate)
{
    return isCommonPassword(candidate, lookalikeReadings(candidate));
}

bool isCommonPassword(QStringView candidate, const QStringList &candidateReadings)
{
    // The whole candidate too: "123456789" and "1qaz2wsx" are on the list and strip to nothing.
    if (anyListed(candidateReadings))
        return true;
    const QStringView stem = withoutTrailingDigitsAndSymbols(candidate);
    return !stem.isEmpty() && stem.size() != candidate.size() && anyListed(lookalikeReadings(stem));
}

} // namespace cqrs
