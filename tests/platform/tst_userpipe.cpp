// The Win32 single-instance helper (app/platform/win/UserPipe) on its own, in plain C++ without
// Qt: cross-compiled with mingw-w64 and run under Wine on Linux CI, natively on Windows.

#include "app/platform/win/UserPipe.h"

#include <windows.h>

#include <cstdio>
#include <functional>
#include <string>

using namespace cqrs::win;

namespace {

int failures = 0;

void check(bool condition, const char *what)
{
    std::printf("%s: %s\n", condition ? "PASS" : "FAIL", what);
    if (!condition)
        ++failures;
}

// Debian's default mingw-w64 has no std::thread (win32 threading model), so a plain Win32 one.
class Thread
{
public:
    explicit Thread(std::function<void()> body)
        : m_body(std::move(body))
        , m_handle(CreateThread(nullptr, 0, &Thread::run, this, 0, nullptr))
    { }
    ~Thread() { CloseHandle(m_handle); }
    void join() { WaitForSingleObject(m_handle, INFINITE); }

private:
    static DWORD WINAPI run(void *self)
    {
        static_cast<Thread *>(self)->m_body();
        return 0;
    }
    std::function<void()> m_body;
    HANDLE m_handle;
};

std::wstring uniqueName(const wchar_t *test)
{
    return userPipeName(std::wstring(L"cqrs-test-") + test + L"-"
                        + std::to_wstring(GetCurrentProcessId()));
}

void nameCarriesTheUsersSidAndSession()
{
    const std::wstring name = userPipeName(L"cqrs-desktop");
    DWORD session = 0;
    ProcessIdToSessionId(GetCurrentProcessId(), &session);
    check(name.rfind(L"\\\\.\\pipe\\cqrs-desktop-S-1-", 0) == 0, "name starts with the user's SID");
    check(name.size() > 30
              && name.compare(name.size() - std::to_wstring(session).size() - 1, std::wstring::npos,
                              L"-" + std::to_wstring(session))
                  == 0,
          "name ends with the session id");
    check(name == userPipeName(L"cqrs-desktop"), "the same name on every launch");
}

void secondServerOfTheSameNameIsRefused()
{
    const std::wstring name = uniqueName(L"first");
    PipeServer::Creation first = PipeServer::Creation::Failed;
    PipeServer::Creation second = PipeServer::Creation::Failed;
    const auto server = PipeServer::create(name, first);
    const auto squatter = PipeServer::create(name, second);
    check(first == PipeServer::Creation::Created && server, "the first pipe is created");
    check(second == PipeServer::Creation::AlreadyExists && !squatter,
          "a second pipe of that name is refused, not shared");
}

// Someone who made the pipe first, allowing any number of instances, must not get to share it.
void squattersPipeMakesCreationFail()
{
    // Wine 8 ignores FILE_FLAG_FIRST_PIPE_INSTANCE; Windows honours it since Windows 2000 SP2.
    if (GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "wine_get_version")) {
        std::printf("SKIP: Wine does not implement FILE_FLAG_FIRST_PIPE_INSTANCE\n");
        return;
    }
    const std::wstring name = uniqueName(L"squatted");
    HANDLE squatter = CreateNamedPipeW(name.c_str(), PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE,
                                       PIPE_UNLIMITED_INSTANCES, 512, 512, 0, nullptr);
    PipeServer::Creation creation = PipeServer::Creation::Failed;
    const auto server = PipeServer::create(name, creation);
    check(squatter != INVALID_HANDLE_VALUE, "the squatter's pipe exists");
    check(creation == PipeServer::Creation::AlreadyExists && !server,
          "creation fails instead of joining the squatter's pipe");
    CloseHandle(squatter);
}

void lineGoesToAServerOfThisUserAndComesBack()
{
    const std::wstring name = uniqueName(L"round-trip");
    PipeServer::Creation creation = PipeServer::Creation::Failed;
    const auto server = PipeServer::create(name, creation);
    std::string received;
    Thread serving([&] {
        if (std::optional<std::string> line = server->nextRequest()) {
            received = *line;
            server->reply("ok");
        }
    });
    const PipeReply reply
        = requestOverPipe(name, "open cqrs://register?token=abc", std::chrono::seconds(5));
    serving.join();
    check(reply.outcome == PipeOutcome::Answered && reply.line == "ok", "the client gets ok");
    check(received == "open cqrs://register?token=abc", "the server gets the line once, whole");
}

void stopEndsAWaitingServer()
{
    PipeServer::Creation creation = PipeServer::Creation::Failed;
    const auto server = PipeServer::create(uniqueName(L"stop"), creation);
    bool ended = false;
    Thread serving([&] { ended = !server->nextRequest(); });
    Sleep(100);
    server->stop();
    serving.join();
    check(ended, "stop() ends nextRequest() with no line");
}

void nobodyListening()
{
    const PipeReply reply
        = requestOverPipe(uniqueName(L"nobody"), "activate", std::chrono::milliseconds(500));
    check(reply.outcome == PipeOutcome::NoServer, "no server is reported as such");
}

void ownerChecks()
{
    check(processRunsAsThisUser(GetCurrentProcessId()), "this process runs as this user");
    // Ids are multiples of four, so this one never names a process: unknown counts as foreign.
    check(!processRunsAsThisUser(0xFFFFFFF1UL), "a process Windows will not name is not trusted");
}

// The check the app makes on Qt's QLocalSocket, whose descriptor is the pipe's handle: both
// ends of a pipe between two handles of this process see a peer of this user.
void peerOfAConnectedPipeIsThisUser()
{
    const std::wstring name = uniqueName(L"peer");
    HANDLE server = CreateNamedPipeW(name.c_str(), PIPE_ACCESS_DUPLEX, PIPE_TYPE_BYTE, 1, 512, 512,
                                     0, nullptr);
    HANDLE client = CreateFileW(name.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr,
                                OPEN_EXISTING, 0, nullptr);
    check(server != INVALID_HANDLE_VALUE && client != INVALID_HANDLE_VALUE, "a pipe is connected");
    check(pipePeerRunsAsThisUser(client, PipeEnd::Client), "the client sees a server of this user");
    check(pipePeerRunsAsThisUser(server, PipeEnd::Server), "the server sees a client of this user");
    check(!pipePeerRunsAsThisUser(INVALID_HANDLE_VALUE, PipeEnd::Client),
          "a handle that is no pipe is not trusted");
    CloseHandle(client);
    CloseHandle(server);
}

} // namespace

int main()
{
    nameCarriesTheUsersSidAndSession();
    secondServerOfTheSameNameIsRefused();
    squattersPipeMakesCreationFail();
    lineGoesToAServerOfThisUserAndComesBack();
    stopEndsAWaitingServer();
    nobodyListening();
    ownerChecks();
    peerOfAConnectedPipeIsThisUser();
    std::printf("%d failure(s)\n", failures);
    return failures == 0 ? 0 : 1;
}
