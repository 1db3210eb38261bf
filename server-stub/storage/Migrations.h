#pragma once

#include <QString>
#include <QStringList>

namespace cqrs::stub {

class Database;

// Schema changes, grouped by module so that a feature (the stand-in identity provider, say)
// keeps its own tables and its own version number in the shared schema_versions table.
// A module's steps are applied in order, each in its own transaction; a step once shipped is
// never edited: a change is a new step at the end.
struct SchemaModule
{
    QString name;
    QList<QStringList> steps; // each step: SQL statements run together
};

namespace Migrations {

// Brings `module` up to its latest step. Safe to call at every start.
void apply(const Database &database, const SchemaModule &module);

// Users, password history, link tokens, sessions, sign-in failures, reset requests.
const SchemaModule &core();

} // namespace Migrations

} // namespace cqrs::stub
