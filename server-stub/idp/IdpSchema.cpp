#include "server-stub/idp/IdpSchema.h"

namespace cqrs::stub::Idp {

const SchemaModule &schema()
{
    // Times are milliseconds since the epoch on the server's (possibly advanced) clock.
    static const SchemaModule module {
        QStringLiteral("idp"),
        {
            {
                QStringLiteral("CREATE TABLE idp_signing_keys ("
                               " key_id TEXT PRIMARY KEY,"
                               " private_key_pem TEXT NOT NULL,"
                               " created_at INTEGER NOT NULL)"),
                QStringLiteral("CREATE TABLE idp_accounts ("
                               " email TEXT PRIMARY KEY COLLATE NOCASE,"
                               " subject TEXT NOT NULL UNIQUE,"
                               " display_name TEXT NOT NULL,"
                               " password_hash TEXT NOT NULL,"
                               " created_at INTEGER NOT NULL)"),
                QStringLiteral("CREATE TABLE idp_codes ("
                               " code_hash TEXT PRIMARY KEY,"
                               " email TEXT NOT NULL,"
                               " client_id TEXT NOT NULL,"
                               " redirect_uri TEXT NOT NULL,"
                               " code_challenge TEXT NOT NULL,"
                               " nonce TEXT NOT NULL,"
                               " expires_at INTEGER NOT NULL,"
                               " used_at INTEGER)"),
            },
            {
                // Refresh tokens, rotated at every use, for silent sign-in with offline_access.
                QStringLiteral("ALTER TABLE idp_codes"
                               " ADD COLUMN offline_access INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("CREATE TABLE idp_refresh_tokens ("
                               " token_hash TEXT PRIMARY KEY,"
                               " email TEXT NOT NULL,"
                               " client_id TEXT NOT NULL,"
                               " expires_at INTEGER NOT NULL,"
                               " used_at INTEGER)"),
            },
            {
                // Password guessing is throttled per account, as CQRS sign-in is.
                QStringLiteral("CREATE TABLE idp_sign_in_failures ("
                               " user_key TEXT PRIMARY KEY,"
                               " consecutive INTEGER NOT NULL,"
                               " locked_until INTEGER,"
                               " last_failure_at INTEGER NOT NULL DEFAULT 0)"),
                QStringLiteral("CREATE INDEX idp_sign_in_failures_by_time"
                               " ON idp_sign_in_failures (last_failure_at)"),
                // Every refresh token descends from one authorization, its family; a used one
                // presented again revokes the family (RFC 9700 §4.14.2). Older tokens each
                // become a family of their own.
                QStringLiteral("ALTER TABLE idp_refresh_tokens ADD COLUMN family_id TEXT"),
                QStringLiteral("ALTER TABLE idp_refresh_tokens ADD COLUMN revoked_at INTEGER"),
                QStringLiteral("UPDATE idp_refresh_tokens SET family_id = token_hash"),
                QStringLiteral("CREATE INDEX idp_refresh_tokens_by_family"
                               " ON idp_refresh_tokens (family_id)"),
            },
            {
                // Sign-ins still being checked, apart from confirmed failures (as in the core
                // schema's sign_in_failures).
                QStringLiteral("ALTER TABLE idp_sign_in_failures"
                               " ADD COLUMN in_progress INTEGER NOT NULL DEFAULT 0"),
            },
        }};
    return module;
}

} // namespace cqrs::stub::Idp
