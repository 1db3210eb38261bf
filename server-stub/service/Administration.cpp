#include "server-stub/service/Administration.h"

#include "server-stub/service/Backend.h"

#include <QRegularExpression>

namespace cqrs::stub {

namespace {

bool hasControlCharacters(const QString &text)
{
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control)
            return true;
    }
    return false;
}

} // namespace

QString Administration::problemWith(const User &user)
{
    static const QRegularExpression userId(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$"));
    // Plain ASCII (RFC 5322 dot-atoms; no quoted local parts): the outbox writes addresses into
    // ASCII mail headers, and an address rewritten there would reach somebody else.
    static const QRegularExpression email(QStringLiteral(
        R"re(^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,64}(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,64})*)re"
        R"re(@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$)re"));
    if (!userId.match(user.userId).hasMatch())
        return tr("The User ID must be 1 to 64 characters: letters, digits and . _ @ - "
                  "(starting with a letter or digit).");
    if (user.email.size() > 254 || user.email.indexOf(QLatin1Char('@')) > 64
        || !email.match(user.email).hasMatch())
        return tr("The email address is not valid: give one like name@nhs.net.");
    if (user.displayName.trimmed().isEmpty() || user.displayName.size() > 100
        || hasControlCharacters(user.displayName))
        return tr("The name must be 1 to 100 characters, without control characters.");
    for (const QString &field : {user.organisation, user.role}) {
        if (field.size() > 100 || hasControlCharacters(field))
            return tr("The organisation and role must be at most 100 characters each, without "
                      "control characters.");
    }
    return {};
}

Administration::Created Administration::createUser(User user)
{
    Created result;
    user.displayName = user.displayName.trimmed();
    result.problem = problemWith(user);
    if (!result.problem.isEmpty())
        return result;
    user.createdAtMs = m_backend.clock().nowMs();
    // The user and their invitation appear together or not at all.
    Transaction transaction(m_backend.database());
    if (!m_backend.users().create(user)) {
        result.kind = Created::Kind::Exists;
        return result;
    }
    result.link = LinkMail(m_backend).sendInvitation(user);
    transaction.commit();
    result.kind = Created::Kind::Created;
    result.user = user;
    return result;
}

std::optional<SentLink> Administration::reinvite(const QString &userId)
{
    const std::optional<User> user = m_backend.users().find(userId);
    if (!user)
        return std::nullopt;
    return LinkMail(m_backend).sendInvitation(*user);
}

bool Administration::unlock(const QString &userId)
{
    if (!m_backend.users().find(userId))
        return false;
    m_backend.throttle().clear(userId);
    return true;
}

} // namespace cqrs::stub
