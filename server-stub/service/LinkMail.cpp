#include "server-stub/service/LinkMail.h"

#include "server-stub/mail/Letter.h"
#include "server-stub/service/Backend.h"

#include <cstdio>

namespace cqrs::stub {

namespace {

Letter letterFor(const User &user, LinkTokenStore::Purpose purpose, const SentLink &link,
                 qint64 lifetimeMs)
{
    const bool registering = purpose == LinkTokenStore::Purpose::Register;
    const qint64 hours = lifetimeMs / (60 * 60 * 1000);
    // Spelled out rather than "%n day(s)": no translation is loaded to choose the plural.
    const QString validity = hours >= 48 ? LinkMail::tr("%1 days").arg(hours / 24)
        : hours <= 1                     ? LinkMail::tr("1 hour")
                                         : LinkMail::tr("%1 hours").arg(hours);
    Letter letter;
    letter.heading = registering ? LinkMail::tr("Finish registering for CQRS National")
                                 : LinkMail::tr("Reset your CQRS National password");
    letter.greeting = LinkMail::tr("Dear %1,").arg(user.displayName);
    letter.before.append(
        registering
            ? LinkMail::tr("Your CQRS National account (User ID: %1) has been set up. To finish "
                           "registering, open this link on the computer where CQRS Desktop is "
                           "installed and choose your password:")
                  .arg(user.userId)
            : LinkMail::tr("Someone asked to reset the password for your CQRS National account "
                           "(User ID: %1). To choose a new password, open this link on the "
                           "computer where CQRS Desktop is installed:")
                  .arg(user.userId));
    letter.buttonLabel = registering ? LinkMail::tr("Choose your password")
                                     : LinkMail::tr("Choose a new password");
    letter.buttonUrl = link.webLink;
    letter.after.append(LinkMail::tr("If that link does not open CQRS Desktop, copy this app "
                                     "link into your browser's address bar:\n\n%1")
                            .arg(link.appLink));
    letter.after.append(LinkMail::tr("The link works once and expires in %1.").arg(validity));
    if (!registering)
        letter.after.append(LinkMail::tr("If you did not ask for this, ignore this email: your "
                                         "password stays as it is."));
    return letter;
}

} // namespace

SentLink LinkMail::sendInvitation(const User &user)
{
    return send(user, LinkTokenStore::Purpose::Register, LinkTokenStore::Issuer::Administrator);
}

SentLink LinkMail::sendReset(const User &user)
{
    return send(user, LinkTokenStore::Purpose::Reset, LinkTokenStore::Issuer::User);
}

SentLink LinkMail::send(const User &user, LinkTokenStore::Purpose purpose,
                        LinkTokenStore::Issuer issuer)
{
    const BackendSettings &settings = m_backend.settings();
    const qint64 lifetime = purpose == LinkTokenStore::Purpose::Register
        ? settings.registrationLifetimeMs
        : settings.resetLifetimeMs;
    const qint64 now = m_backend.clock().nowMs();
    const QString route = LinkTokenStore::purposeName(purpose);

    Transaction transaction(m_backend.database());
    const QString token = m_backend.links().issue(purpose, issuer, user.userId, now, lifetime);
    SentLink link;
    link.webLink = QStringLiteral("%1/%2?token=%3").arg(settings.publicUrl, route, token);
    link.appLink = QStringLiteral("cqrs://%1?token=%2").arg(route, token);
    const QString subject = purpose == LinkTokenStore::Purpose::Register
        ? tr("Complete your CQRS National registration")
        : tr("Reset your CQRS National password");
    const Letter letter = letterFor(user, purpose, link, lifetime);
    link.emailFile = m_backend.outbox().send(
        {user.email, subject, letter.plainText(), letter.html(), {}}, m_backend.clock().now());
    transaction.commit();

    // Testers click links from the console; the request log itself never shows a token.
    if (settings.printLinks) {
        std::printf("outbox: %s to %s: %s\n", qPrintable(subject), qPrintable(user.email),
                    qPrintable(link.webLink));
        std::fflush(stdout);
    }
    return link;
}

} // namespace cqrs::stub
