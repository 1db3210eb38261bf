#pragma once

// The Windows single-instance channel, in plain Win32 with no Qt, so that it builds and its unit
// test runs with the mingw-w64 cross compiler and Wine (tests/platform/).
//
// Named pipes are machine-wide and anyone may create any name that is still free, so the name
// alone proves nothing: the first instance creates its pipe with FILE_FLAG_FIRST_PIPE_INSTANCE
// (a squatter's pipe of the same name makes that fail instead of being shared), a DACL for this
// user only and PIPE_REJECT_REMOTE_CLIENTS; each side asks Windows which process is at the other
// end and serves or sends nothing unless that process runs as this user.

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace cqrs::win {

// \\.\pipe\<base>-<this user's SID>-<this session's id>: one channel per person per session, so
// two people on a terminal server, or one person in two sessions, never meet.
std::wstring userPipeName(const std::wstring &base);

// Whether the process with this id runs as the same user as this process. Anything Windows will
// not tell (a process gone, or one we may not query) counts as another user.
bool processRunsAsThisUser(unsigned long processId);

// Whether the process at the other end of a connected pipe runs as this user: the server when
// `pipe` is the handle a client opened, the client when it is the server's own instance. Qt's
// QLocalSocket on Windows is such a pipe (its socketDescriptor() is the handle).
enum class PipeEnd { Client, Server };
bool pipePeerRunsAsThisUser(void *pipe, PipeEnd ourEnd);

enum class PipeOutcome {
    Answered, // the server runs as this user and replied
    NoServer, // nobody listens on that name
    OtherUser, // the process listening runs as someone else: nothing was sent
    Failed, // no reply within the time, or the connection broke
};

struct PipeReply
{
    PipeOutcome outcome = PipeOutcome::Failed;
    std::string line;
};

// Client side: sends one line and reads one line back, after checking the server's owner.
PipeReply requestOverPipe(const std::wstring &name, const std::string &line,
                          std::chrono::milliseconds timeout);

// Server side: one pipe instance, serving one client at a time.
class PipeServer
{
public:
    enum class Creation { Created, AlreadyExists, Failed };

    // AlreadyExists when any process (ours or another user's) already has a pipe of that name.
    static std::unique_ptr<PipeServer> create(const std::wstring &name, Creation &creation);
    ~PipeServer();
    PipeServer(const PipeServer &) = delete;
    PipeServer &operator=(const PipeServer &) = delete;

    // Blocks until a client of this user has sent a line; clients of another user are dropped
    // unread. Empty once stop() was called or the pipe broke.
    std::optional<std::string> nextRequest();
    // Answers the client nextRequest() returned and lets it go.
    void reply(const std::string &line);
    // From any thread: makes a waiting nextRequest() return.
    void stop();

private:
    PipeServer(void *pipe, void *stopEvent);
    void dropClient();

    void *m_pipe;
    void *m_stop;
};

} // namespace cqrs::win
