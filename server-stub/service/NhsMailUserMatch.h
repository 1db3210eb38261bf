#pragma once

#include "server-stub/storage/NhsMailBindings.h"
#include "server-stub/storage/UserStore.h"

#include "core/oidc/token/IdTokenValidator.h"

#include <QCoreApplication>

namespace cqrs::stub {

class Backend;

// Which CQRS user a verified NHSmail id_token signs in as. The email finds the user only at
// their first NHSmail sign-in, which binds the user to the token's iss + sub; from then on only
// that iss + sub signs in as them, whatever email (or preferred_username) a token carries.
class NhsMailUserMatch
{
    Q_DECLARE_TR_FUNCTIONS(cqrs::stub::NhsMailUserMatch)

public:
    explicit NhsMailUserMatch(Backend &backend);

    // Throws HttpError 403: not_registered (no single CQRS user has the NHSmail address) or
    // nhsmail_mismatch (that user is bound to another NHSmail identity).
    User userFor(const IdTokenClaims &claims) const;

private:
    User firstSignIn(const IdTokenClaims &claims, const NhsMailIdentity &identity) const;

    Backend &m_backend;
    NhsMailBindings m_bindings;
};

} // namespace cqrs::stub
