#pragma once

#include "server-stub/storage/Migrations.h"

namespace cqrs::stub::Sso {

// The relying party's side of NHSmail sign-in (POST /api/v1/sessions/sso), versioned apart
// from the core schema and from the stand-in provider's: which provider identity each CQRS
// user is bound to, and the id_tokens already spent. Needed with --idp and --trust-issuer alike.
const SchemaModule &schema();

} // namespace cqrs::stub::Sso
