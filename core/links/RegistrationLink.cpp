#include "core/links/RegistrationLink.h"

#include "core/crypto/SecretToken.h"

#include <algorithm>
#include <utility>

namespace cqrs {

namespace {

constexpr QLatin1String Scheme("cqrs://");
constexpr QLatin1String Query("?token=");
constexpr QLatin1String RegisterHost("register");
constexpr QLatin1String ResetHost("reset");

// Scheme and host are case-insensitive (RFC 3986 §3.1, §3.2.2) and some launchers upper-case
// them; everything after the host (and its one optional slash) must match byte for byte. No
// percent-decoding is done: a well-formed token never needs it, so any `%` is refused along with
// the rest.
bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

std::optional<std::pair<RegistrationLink::Purpose, QStringView>> split(QStringView text)
{
    // Every character of a real link is ASCII. Checked first, because Qt's case-insensitive
    // comparison folds full Unicode: it would take "cqrſ://regiſter" (long s) for the real thing.
    if (text.size() > RegistrationLink::MaxLength || !isAscii(text)
        || !text.startsWith(Scheme, Qt::CaseInsensitive))
        return std::nullopt;
    const QStringView rest = text.mid(Scheme.size());
    const qsizetype queryAt = rest.indexOf(Query);
    if (queryAt < 0)
        return std::nullopt;
    QStringView host = rest.first(queryAt);
    // Some mail clients and launchers add a slash after the host (`cqrs://register/?token=`):
    // one is accepted, and nothing looser (no second slash, no path after it).
    if (host.endsWith(u'/'))
        host.chop(1);
    const QStringView token = rest.mid(queryAt + Query.size());
    if (!SecretToken::isWellFormed(token))
        return std::nullopt;
    if (host.compare(RegisterHost, Qt::CaseInsensitive) == 0)
        return std::pair {RegistrationLink::Purpose::Register, token};
    if (host.compare(ResetHost, Qt::CaseInsensitive) == 0)
        return std::pair {RegistrationLink::Purpose::Reset, token};
    return std::nullopt;
}

} // namespace

RegistrationLink::RegistrationLink(Purpose purpose, QString token)
    : m_purpose(purpose)
    , m_token(std::move(token))
{ }

std::optional<RegistrationLink> RegistrationLink::parse(QStringView text)
{
    const auto parts = split(text);
    if (!parts)
        return std::nullopt;
    return RegistrationLink(parts->first, parts->second.toString());
}

QString RegistrationLink::problemWith(QStringView text)
{
    if (split(text))
        return {};
    if (text.trimmed().isEmpty())
        return tr("The link is empty.");
    return tr("This is not a CQRS registration or password reset link, or it has been cut short "
              "or changed. Open the link straight from your email, or ask your CQRS User "
              "Administrator to send you a new one.");
}

QUrl RegistrationLink::toUrl() const
{
    const QLatin1String host = m_purpose == Purpose::Register ? RegisterHost : ResetHost;
    return QUrl(QString(Scheme) + host + Query + m_token, QUrl::StrictMode);
}

} // namespace cqrs
