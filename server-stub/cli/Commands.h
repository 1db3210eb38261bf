#pragma once

#include "server-stub/cli/CommandLine.h"
#include "server-stub/http/Router.h"
#include "server-stub/routes/SsoTrust.h"
#include "server-stub/service/Backend.h"

#include <optional>

namespace cqrs::stub::Commands {

// Exit codes: 0 done, 1 the work failed (message on stderr), 2 wrong command line.
int serve(const CommandLine &line);
int user(const CommandLine &line);
int demo(const CommandLine &line);

// Backend settings from the options every command shares; std::nullopt with `error` set when
// one is out of range.
std::optional<BackendSettings> backendSettings(const CommandLine &line, QString *error);

constexpr qsizetype MinimumAdminKeyLength = 16;
// The admin key from --admin-key-file, --admin-key or CQRS_ADMIN_KEY (empty: the admin API is
// off); std::nullopt with `error` set when it cannot be read or is too short to be a secret.
std::optional<QString> adminKey(const CommandLine &line, QString *error);

struct SsoSwitches
{
    bool idp = false; // --idp: run the stand-in identity provider under /idp
    bool dev = false;
    QString trustIssuer; // --trust-issuer: an external OpenID provider's issuer URL
    QString trustAudience; // --trust-audience: the client id its tokens must be issued to
};
// Adds the stand-in provider's routes when asked for, and says whose id_tokens
// POST /api/v1/sessions/sso trusts: the external issuer if given, else the stand-in, else none.
std::optional<SsoTrust> singleSignOn(Router &router, Backend &backend, const SsoSwitches &switches);

} // namespace cqrs::stub::Commands
