#pragma once

#include "server-stub/storage/LinkTokenStore.h"
#include "server-stub/storage/UserStore.h"

#include <QCoreApplication>
#include <QString>

namespace cqrs::stub {

class Backend;

// The two links an email carries for one token: the https landing page (clickable in every
// mail client) and the cqrs:// link the landing page opens.
struct SentLink
{
    QString webLink;
    QString appLink;
    QString emailFile;
};

// Issues a registration or reset link and emails it, in one transaction: if the email cannot
// be written, no link exists that nobody was told about.
class LinkMail
{
    Q_DECLARE_TR_FUNCTIONS(LinkMail)

public:
    explicit LinkMail(Backend &backend)
        : m_backend(backend)
    { }

    // A registration link (the first, or a replacement voiding the old ones).
    SentLink sendInvitation(const User &user);
    // A forgotten-password link the user asked for.
    SentLink sendReset(const User &user);

private:
    SentLink send(const User &user, LinkTokenStore::Purpose purpose, LinkTokenStore::Issuer issuer);

    Backend &m_backend;
};

} // namespace cqrs::stub
