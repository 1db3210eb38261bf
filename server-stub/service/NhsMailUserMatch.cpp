#include "server-stub/service/NhsMailUserMatch.h"

#include "server-stub/http/HttpError.h"
#include "server-stub/service/AccountNotices.h"
#include "server-stub/service/Backend.h"

#include "core/oidc/token/NhsMailAddress.h"

namespace cqrs::stub {

namespace {

HttpError notRegistered(const QString &message)
{
    return HttpError(api::Errors::NotRegistered, message);
}

} // namespace

NhsMailUserMatch::NhsMailUserMatch(Backend &backend)
    : m_backend(backend)
    , m_bindings(backend.database())
{ }

User NhsMailUserMatch::userFor(const IdTokenClaims &claims) const
{
    const NhsMailIdentity identity {claims.issuer, claims.subject};
    const std::optional<QString> bound = m_bindings.userBoundTo(identity);
    if (!bound)
        return firstSignIn(claims, identity);
    if (std::optional<User> user = m_backend.users().find(*bound))
        return *user;
    throw notRegistered(tr("Your NHSmail account is linked to a CQRS account that no longer "
                           "exists. Contact the CQRS Service Desk."));
}

User NhsMailUserMatch::firstSignIn(const IdTokenClaims &claims,
                                   const NhsMailIdentity &identity) const
{
    if (!NhsMailAddress::isNhsMail(claims.email))
        throw notRegistered(
            tr("Sign in with NHSmail is only for NHSmail addresses (ending in nhs.net). Sign in "
               "with your CQRS User ID and password instead."));
    const QList<User> users = m_backend.users().findByEmail(claims.email);
    if (users.isEmpty())
        throw notRegistered(tr("No CQRS account uses the NHSmail address %1. Ask your CQRS User "
                               "Administrator to add you with this address.")
                                .arg(claims.email));
    // Picking one would sign the person in as whoever was added first.
    if (users.size() > 1)
        throw notRegistered(
            tr("More than one CQRS account uses this NHSmail address. Ask your CQRS User "
               "Administrator to fix it, or sign in with your User ID and password."));
    const User &user = users.first();
    if (m_bindings.bind(user.userId, identity, m_backend.clock().nowMs())) {
        AccountNotices(m_backend).nhsMailLinked(user, claims.email);
        return user;
    }
    // Lost a race with the same person's other first sign-in: the binding is theirs all the same.
    if (const std::optional<QString> bound = m_bindings.userBoundTo(identity);
        bound && bound->compare(user.userId, Qt::CaseInsensitive) == 0)
        return user;
    throw HttpError(
        api::Errors::NhsMailMismatch,
        tr("This NHSmail account is not the one linked to the CQRS account for %1, so it cannot "
           "sign in to it. If your NHSmail account has changed, contact the CQRS Service Desk "
           "(support@cqrs.co.uk, 0330 124 4039) to have the link reset.")
            .arg(claims.email));
}

} // namespace cqrs::stub
