#pragma once

#include <QString>

// The checks that keep the single-instance channel between one user's own processes on Linux
// and other Unix systems. Each answers in plain words why something is not to be trusted, or
// with an empty string when it is; nothing here ever removes or changes another user's file.
namespace cqrs::app::posix {

// Creates `path` with mode 0700 when it is missing. Returns why it cannot be used: it is not a
// real directory (a symbolic link is refused), another user owns it, or others may enter it.
QString preparePrivateDirectory(const QString &path);

// Why the file at `path` is not ours (another owner, or a symbolic link); empty when it is ours
// or does not exist.
QString foreignFileProblem(const QString &path);

// Whether the process at the other end of the connected local socket runs as this user, asked
// of the kernel (SO_PEERCRED) rather than of anything the peer says.
bool peerIsThisUser(qintptr socketDescriptor);

} // namespace cqrs::app::posix
