#pragma once

#include "server-stub/storage/Migrations.h"

namespace cqrs::stub::Idp {

// The stand-in identity provider's own tables, versioned apart from the core schema: its
// signing key, its account list (separate from CQRS users, as NHSmail's is) and the
// authorization codes in flight.
const SchemaModule &schema();

} // namespace cqrs::stub::Idp
