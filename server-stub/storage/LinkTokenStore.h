#pragma once

#include <QString>

#include <optional>

namespace cqrs::stub {

class Database;

// Registration and password-reset links. Only SecretToken::storageHash of a token is kept; a
// token is single use, expires, and is voided when any of the user's links is used, or when a
// newer link replaces it: an administrator's new link replaces all the user's older links, a
// reset the user requested only the user's earlier requests. So anonymous reset requests never
// cancel an administrator's link.
class LinkTokenStore
{
public:
    enum class Purpose { Register, Reset };
    enum class Issuer { Administrator, User };
    enum class State { Usable, Used, Expired };

    struct Link
    {
        QByteArray tokenHash;
        Purpose purpose = Purpose::Register;
        Issuer issuer = Issuer::Administrator;
        QString userId;
        State state = State::Usable;
    };

    explicit LinkTokenStore(const Database &database)
        : m_database(database)
    { }

    // Voids the open links the new one replaces and returns the new token. Inside the caller's
    // transaction, so the link and the email's record of it appear together.
    QString issue(Purpose purpose, Issuer issuer, const QString &userId, qint64 nowMs,
                  qint64 lifetimeMs) const;

    // std::nullopt for a malformed token or one never issued for `purpose`.
    std::optional<Link> find(Purpose purpose, QStringView token, qint64 nowMs) const;

    // Marks the link used and voids the user's other links; false when it was used or voided
    // meanwhile. Inside a transaction.
    bool consume(const Link &link, qint64 nowMs) const;

    static QString purposeName(Purpose purpose);

private:
    const Database &m_database;
};

} // namespace cqrs::stub
