#include "server-stub/storage/SsoSchema.h"

namespace cqrs::stub::Sso {

const SchemaModule &schema()
{
    // Times are milliseconds since the epoch on the server's (possibly advanced) clock.
    static const SchemaModule module {
        QStringLiteral("sso"),
        {
            {
                // One provider identity per CQRS user and one CQRS user per provider identity:
                // the person, not the (mutable, reassignable) address.
                QStringLiteral("CREATE TABLE nhsmail_bindings ("
                               " user_id TEXT PRIMARY KEY COLLATE NOCASE"
                               " REFERENCES users (user_id),"
                               " issuer TEXT NOT NULL,"
                               " subject TEXT NOT NULL,"
                               " linked_at INTEGER NOT NULL,"
                               " UNIQUE (issuer, subject))"),
                QStringLiteral("CREATE TABLE used_id_tokens ("
                               " token_hash TEXT PRIMARY KEY,"
                               " expires_at INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX used_id_tokens_by_expiry"
                               " ON used_id_tokens (expires_at)"),
            },
        }};
    return module;
}

} // namespace cqrs::stub::Sso
