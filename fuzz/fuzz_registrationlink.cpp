#include "fuzz/FuzzTarget.h"

#include "core/crypto/SecretToken.h"
#include "core/links/RegistrationLink.h"

#include <QString>

using cqrs::RegistrationLink;
using cqrs::fuzz::require;

namespace {

bool isAsciiCaseInsensitiveEqual(QStringView a, QStringView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const char16_t x = a[i].unicode();
        const char16_t y = b[i].unicode();
        const auto lower = [](char16_t c) {
            return c >= u'A' && c <= u'Z' ? char16_t(c + (u'a' - u'A')) : c;
        };
        if (lower(x) != lower(y))
            return false;
    }
    return true;
}

// The four forms the parser may accept, written out independently of it: scheme and host in
// any ASCII case, one optional slash, then `?token=` and the token byte for byte.
bool isOneOfTheAcceptedForms(QStringView text, const RegistrationLink &link)
{
    const QString host = link.purpose() == RegistrationLink::Purpose::Register
        ? QStringLiteral("cqrs://register")
        : QStringLiteral("cqrs://reset");
    const QString tail = QStringLiteral("?token=") + link.token();
    for (const QString &start : {host, host + QLatin1Char('/')}) {
        if (text.size() == start.size() + tail.size()
            && isAsciiCaseInsensitiveEqual(text.first(start.size()), start)
            && text.mid(start.size()) == tail)
            return true;
    }
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = cqrs::fuzz::bytesOf(data, size);
    // A link reaches the app as UTF-8 (command line, instance socket) or as UTF-16 (the macOS
    // open event, Windows); both readings of the same bytes are tried.
    const QString utf16 = cqrs::fuzz::utf16Of(bytes);
    for (const QString &text : {QString::fromUtf8(bytes), utf16}) {
        const auto link = RegistrationLink::parse(text);
        require(RegistrationLink::problemWith(text).isEmpty() == link.has_value(),
                "problemWith is empty exactly when parse succeeds");
        if (!link)
            continue;
        require(cqrs::SecretToken::isWellFormed(link->token()), "accepted token is well formed");
        require(isOneOfTheAcceptedForms(text, *link), "accepted text is one of the four forms");
        require(RegistrationLink::parse(link->toUrl().toString()) == link,
                "the canonical URL parses back to the same link");
    }
    return 0;
}
