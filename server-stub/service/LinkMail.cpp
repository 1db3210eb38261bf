#include "server-stub/service/LinkMail.h"

#include "server-stub/service/Backend.h"

#include <cstdio>

namespace cqrs::stub {

namespace {

QString emailBody(const User &user, LinkTokenStore::Purpose purpose, const SentLink &link,
                  qint64 lifetimeMs)
{
    const qint64 hours = lifetimeMs / (60 * 60 * 1000);
    const QString validity = hours >= 48
        ? LinkMail::tr("%n day(s)", nullptr, int(hours / 24))
        : LinkMail::tr("%n hour(s)", nullptr, int(std::max<qint64>(1, hours)));
    const QString intro = purpose == LinkTokenStore::Purpose::Register
        ? LinkMail::tr("Your CQRS National account (User ID: %1) has been set up. To finish "
                       "registering, open this link on the computer where CQRS Desktop is "
                       "installed and choose your password:")
              .arg(user.userId)
        : LinkMail::tr("Someone asked to reset the password for your CQRS National account "
                       "(User ID: %1). To choose a new password, open this link on the computer "
                       "where CQRS Desktop is installed:")
              .arg(user.userId);
    const QString ignore = purpose == LinkTokenStore::Purpose::Register
        ? QString()
        : LinkMail::tr("If you did not ask for this, ignore this email: your password stays "
                       "as it is.\n\n");
    return LinkMail::tr("Dear %1,\n\n%2\n\n%3\n\nIf that link does not open CQRS Desktop, copy "
                        "this app link into your browser's address bar:\n\n%4\n\nThe link "
                        "works once and expires "
                        "in %5.\n\n%6Need help? Contact the CQRS service desk: "
                        "support@cqrs.co.uk or 0330 124 4039.\n\nCQRS National\n")
        .arg(user.displayName, intro, link.webLink, link.appLink, validity, ignore);
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
    link.emailFile = m_backend.outbox().send(
        {user.email, subject, emailBody(user, purpose, link, lifetime), {}},
        m_backend.clock().now());
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
