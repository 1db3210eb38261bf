#pragma once

#include "server-stub/cli/CommandLine.h"

namespace cqrs::stub::IdpCommands {

// cqrs-server-stub idp add-account --db FILE --email E --name NAME [--password P]
// Seeds an account of the stand-in identity provider (docs/design.md §4). Without --password the
// password is read from the first line of standard input, keeping it out of `ps` and shell
// history. Exit codes as the other commands: 0 done, 1 failed, 2 wrong command line.
int addAccount(const CommandLine &line);

// cqrs-server-stub user unlink-nhsmail --db FILE --user-id ID
// Forgets which NHSmail identity the user signs in with (their NHSmail account was replaced,
// say), so that their next NHSmail sign-in binds afresh by email. Exit 1 when nothing was bound.
int unlinkNhsMail(const CommandLine &line);

} // namespace cqrs::stub::IdpCommands
