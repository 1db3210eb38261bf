#pragma once

#include "server-stub/http/Router.h"
#include "server-stub/routes/SsoTrust.h"
#include "server-stub/storage/LinkTokenStore.h"

#include <optional>

namespace cqrs::stub {

class Backend;

// What the API's routes get: the shared backend and the serve command's switches. Handlers
// run concurrently on many worker threads, so whatever a route keeps is shared and locked.
struct RouteContext
{
    Backend &backend;
    QString adminKey; // empty: the admin API answers 401
    bool dev = false;
    std::optional<SsoTrust> ssoTrust; // none: POST /api/v1/sessions/sso refuses every token
};

// Every route of the CQRS API: the one place a new area of the API is added.
void addApiRoutes(Router &router, const RouteContext &context);

// GET /api/v1/password-policy: the parameters the client previews the policy with.
void addPolicyRoutes(Router &router, const RouteContext &context);
// A registration or reset link's token at work: GET /api/v1/registrations/{token} says whose
// it is; POST sets the password (201 {userId}). The same for /api/v1/password-resets/{token},
// answering 204.
void addLinkRoutes(Router &router, const RouteContext &context, LinkTokenStore::Purpose purpose);
// POST /api/v1/password-resets: "I forgot my password". Always 202, so it reveals nothing.
void addPasswordResetRequestRoutes(Router &router, const RouteContext &context);
// Sign in (POST /api/v1/sessions) and sign out (DELETE /api/v1/sessions/current).
void addSessionRoutes(Router &router, const RouteContext &context);
// POST /api/v1/sessions/sso {idToken}: validates the token with the client's own validator
// against the context's SsoTrust, spends it (one session per id_token), finds the CQRS user it
// stands for (NhsMailUserMatch) and opens a session exactly as a password sign-in does.
void addSsoSessionRoutes(Router &router, const RouteContext &context);
// The signed-in user: GET /api/v1/me and POST /api/v1/me/password.
void addMeRoutes(Router &router, const RouteContext &context);
// The admin API (Bearer admin key): create users, send a new link, unlock, list.
void addAdminRoutes(Router &router, const RouteContext &context);
// GET /register?token= and /reset?token=: the page an email link opens, which hands over to
// the app.
void addLandingPages(Router &router, const RouteContext &context);
// --dev only: GET /dev/outbox (the emails sent) and POST /dev/clock (move time forward).
void addDevRoutes(Router &router, const RouteContext &context);

} // namespace cqrs::stub
