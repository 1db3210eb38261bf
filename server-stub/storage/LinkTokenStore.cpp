#include "server-stub/storage/LinkTokenStore.h"

#include "core/crypto/SecretToken.h"
#include "server-stub/storage/Database.h"
#include "server-stub/storage/SingleUseTokens.h"

namespace cqrs::stub {

namespace {

QString issuerName(LinkTokenStore::Issuer issuer)
{
    return issuer == LinkTokenStore::Issuer::User ? QStringLiteral("user")
                                                  : QStringLiteral("administrator");
}

} // namespace

QString LinkTokenStore::purposeName(Purpose purpose)
{
    return purpose == Purpose::Reset ? QStringLiteral("reset") : QStringLiteral("register");
}

QString LinkTokenStore::issue(Purpose purpose, Issuer issuer, const QString &userId, qint64 nowMs,
                              qint64 lifetimeMs) const
{
    // An administrator's link replaces every older one; a user's request replaces only the
    // user's own, since anyone who knows a User ID can make one.
    const QString onlyTheUsers
        = issuer == Issuer::Administrator ? QString() : QStringLiteral(" AND issued_by = 'user'");
    m_database.exec(QStringLiteral("UPDATE link_tokens SET voided_at = ? WHERE user_id = ?"
                                   " AND used_at IS NULL AND voided_at IS NULL%1")
                        .arg(onlyTheUsers),
                    {nowMs, userId});
    QString token = SecretToken::generate();
    m_database.exec(QStringLiteral("INSERT INTO link_tokens (token_hash, purpose, user_id,"
                                   " issued_by, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)"),
                    {QString::fromLatin1(SecretToken::storageHash(token)), purposeName(purpose),
                     userId, issuerName(issuer), nowMs, nowMs + lifetimeMs});
    return token;
}

std::optional<LinkTokenStore::Link> LinkTokenStore::find(Purpose purpose, QStringView token,
                                                         qint64 nowMs) const
{
    if (!SecretToken::isWellFormed(token))
        return std::nullopt;
    const QByteArray hash = SecretToken::storageHash(token);
    QSqlQuery query
        = m_database.exec(QStringLiteral("SELECT user_id, issued_by, expires_at, used_at, voided_at"
                                         " FROM link_tokens WHERE token_hash = ? AND purpose = ?"),
                          {QString::fromLatin1(hash), purposeName(purpose)});
    if (!query.next())
        return std::nullopt;
    Link link;
    link.tokenHash = hash;
    link.purpose = purpose;
    link.userId = query.value(0).toString();
    link.issuer
        = query.value(1).toString() == QLatin1String("user") ? Issuer::User : Issuer::Administrator;
    if (!query.value(3).isNull())
        link.state = State::Used;
    // A voided link reads as expired: the person needs the newer email, which is what
    // "expired" tells them to look for.
    else if (!query.value(4).isNull() || query.value(2).toLongLong() <= nowMs)
        link.state = State::Expired;
    return link;
}

bool LinkTokenStore::consume(const Link &link, qint64 nowMs) const
{
    static const SingleUseTokens links {QStringLiteral("link_tokens"), QStringLiteral("token_hash"),
                                        QStringLiteral("voided_at IS NULL")};
    if (!links.spend(m_database, QString::fromLatin1(link.tokenHash), nowMs))
        return false;
    // The password is set: every other link the user still holds has done its job.
    m_database.exec(QStringLiteral("UPDATE link_tokens SET voided_at = ? WHERE user_id = ?"
                                   " AND used_at IS NULL AND voided_at IS NULL"),
                    {nowMs, link.userId});
    return true;
}

} // namespace cqrs::stub
