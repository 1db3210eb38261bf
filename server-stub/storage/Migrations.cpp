#include "server-stub/storage/Migrations.h"

#include "server-stub/storage/Database.h"

namespace cqrs::stub::Migrations {

void apply(const Database &database, const SchemaModule &module)
{
    database.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_versions ("
                                 " module TEXT PRIMARY KEY, version INTEGER NOT NULL)"));
    for (qsizetype step = 0; step < module.steps.size(); ++step) {
        Transaction transaction(database);
        QSqlQuery current = database.exec(
            QStringLiteral("SELECT version FROM schema_versions WHERE module = ?"), {module.name});
        const qsizetype applied = current.next() ? current.value(0).toLongLong() : 0;
        if (applied > step)
            continue;
        for (const QString &statement : module.steps.at(step))
            database.exec(statement);
        database.exec(
            QStringLiteral("INSERT INTO schema_versions (module, version) VALUES (?, ?)"
                           " ON CONFLICT(module) DO UPDATE SET version = excluded.version"),
            {module.name, step + 1});
        transaction.commit();
    }
}

const SchemaModule &core()
{
    // Times are milliseconds since the epoch, UTC, on the server's (possibly advanced) clock.
    static const SchemaModule module {
        QStringLiteral("core"),
        {
            {
                QStringLiteral("CREATE TABLE users ("
                               " user_id TEXT PRIMARY KEY COLLATE NOCASE,"
                               " display_name TEXT NOT NULL,"
                               " email TEXT NOT NULL,"
                               " organisation TEXT NOT NULL DEFAULT '',"
                               " role TEXT NOT NULL DEFAULT '',"
                               " password_hash TEXT,"
                               " password_set_at INTEGER,"
                               " created_at INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX users_by_email ON users (email COLLATE NOCASE)"),
                QStringLiteral("CREATE TABLE password_history ("
                               " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                               " user_id TEXT NOT NULL REFERENCES users (user_id),"
                               " password_hash TEXT NOT NULL,"
                               " replaced_at INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX password_history_by_user"
                               " ON password_history (user_id, id)"),
                QStringLiteral(
                    "CREATE TABLE link_tokens ("
                    " token_hash TEXT PRIMARY KEY,"
                    " purpose TEXT NOT NULL CHECK (purpose IN ('register', 'reset')),"
                    " user_id TEXT NOT NULL REFERENCES users (user_id),"
                    " issued_by TEXT NOT NULL CHECK (issued_by IN ('administrator', 'user')),"
                    " issued_at INTEGER NOT NULL,"
                    " expires_at INTEGER NOT NULL,"
                    " used_at INTEGER,"
                    " voided_at INTEGER)"),
                QStringLiteral("CREATE INDEX link_tokens_by_user ON link_tokens (user_id)"),
                QStringLiteral("CREATE TABLE sessions ("
                               " token_hash TEXT PRIMARY KEY,"
                               " user_id TEXT NOT NULL REFERENCES users (user_id),"
                               " created_at INTEGER NOT NULL,"
                               " last_seen_at INTEGER NOT NULL,"
                               " absolute_expires_at INTEGER NOT NULL,"
                               " revoked_at INTEGER)"),
                QStringLiteral("CREATE INDEX sessions_by_user ON sessions (user_id)"),
                // Keyed by the folded User ID as typed, whether or not such a user exists, so
                // that lockout cannot tell anyone which User IDs are real.
                QStringLiteral("CREATE TABLE sign_in_failures ("
                               " user_key TEXT PRIMARY KEY,"
                               " consecutive INTEGER NOT NULL,"
                               " locked_until INTEGER)"),
                QStringLiteral("CREATE TABLE reset_requests ("
                               " user_key TEXT NOT NULL,"
                               " requested_at INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX reset_requests_by_user"
                               " ON reset_requests (user_key, requested_at)"),
            },
            // Rows an anonymous client can create are purged once they no longer matter;
            // these indexes make the purges cheap.
            {
                QStringLiteral("ALTER TABLE sign_in_failures"
                               " ADD COLUMN last_failure_at INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("CREATE INDEX sign_in_failures_by_time"
                               " ON sign_in_failures (last_failure_at)"),
                QStringLiteral("CREATE INDEX reset_requests_by_time"
                               " ON reset_requests (requested_at)"),
                QStringLiteral("CREATE INDEX sessions_by_last_seen ON sessions (last_seen_at)"),
                QStringLiteral("CREATE INDEX sessions_by_expiry"
                               " ON sessions (absolute_expires_at)"),
            },
            // Sign-in attempts still being checked, counted apart from confirmed failures so
            // that parallel sign-ins with the right password never lock the account.
            {
                QStringLiteral("ALTER TABLE sign_in_failures"
                               " ADD COLUMN in_progress INTEGER NOT NULL DEFAULT 0"),
            },
        }};
    return module;
}

} // namespace cqrs::stub::Migrations
