#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>
#include <QUrl>

#include <optional>

namespace cqrs {

// A link from a registration or password-reset email, as the operating system hands it to the
// app: exactly `cqrs://register?token=T` or `cqrs://reset?token=T`, T being a well-formed
// SecretToken, with at most one `/` after the host (`cqrs://register/?token=T`). Anything else is
// refused: a link is untrusted input from an email, and it never carries a server address, so the
// app keeps talking to the server its settings name.
class RegistrationLink
{
    Q_DECLARE_TR_FUNCTIONS(RegistrationLink)

public:
    enum class Purpose { Register, Reset };

    // Longer input is refused before it is looked at; a real link is 62 or 65 characters.
    static constexpr qsizetype MaxLength = 256;

    static std::optional<RegistrationLink> parse(QStringView text);

    // Why `text` was refused, in words a user can act on; empty when it parses.
    static QString problemWith(QStringView text);

    Purpose purpose() const { return m_purpose; }
    QString token() const { return m_token; }
    QUrl toUrl() const;

    friend bool operator==(const RegistrationLink &, const RegistrationLink &) = default;

private:
    RegistrationLink(Purpose purpose, QString token);

    Purpose m_purpose;
    QString m_token;
};

} // namespace cqrs
