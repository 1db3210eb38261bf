#include "app/platform/win/UserPipe.h"

#include <windows.h>

#include <sddl.h>

#include <vector>

namespace cqrs::win {

namespace {

// A link is far shorter; anything longer is not from a well-behaved launch.
constexpr std::size_t MaxLineBytes = 4096;
// How long a connected client may take to send its line or to read the answer.
constexpr DWORD ClientTimeoutMs = 2000;

struct Handle
{
    HANDLE value = INVALID_HANDLE_VALUE;
    ~Handle()
    {
        if (value != INVALID_HANDLE_VALUE && value != nullptr)
            CloseHandle(value);
    }
};

struct Io
{
    OVERLAPPED overlapped {};
    Io() { overlapped.hEvent = CreateEventW(nullptr, TRUE, FALSE, nullptr); }
    ~Io() { CloseHandle(overlapped.hEvent); }
    Io(const Io &) = delete;
    Io &operator=(const Io &) = delete;
};

// The TOKEN_USER of a process token; its SID points into the same buffer.
std::vector<unsigned char> tokenUser(HANDLE token)
{
    DWORD size = 0;
    GetTokenInformation(token, TokenUser, nullptr, 0, &size);
    std::vector<unsigned char> buffer(size);
    if (size == 0 || !GetTokenInformation(token, TokenUser, buffer.data(), size, &size))
        return {};
    return buffer;
}

std::vector<unsigned char> processUser(HANDLE process)
{
    Handle token;
    if (!OpenProcessToken(process, TOKEN_QUERY, &token.value))
        return {};
    return tokenUser(token.value);
}

PSID sidOf(std::vector<unsigned char> &user)
{
    return reinterpret_cast<TOKEN_USER *>(user.data())->User.Sid;
}

std::wstring thisUserSid()
{
    std::vector<unsigned char> user = processUser(GetCurrentProcess());
    LPWSTR text = nullptr;
    if (user.empty() || !ConvertSidToStringSidW(sidOf(user), &text))
        return {};
    std::wstring sid(text);
    LocalFree(text);
    return sid;
}

// Waits for one overlapped operation to finish; on time-out or stop it is cancelled.
bool finish(HANDLE handle, Io &io, BOOL started, DWORD timeoutMs, HANDLE stop, DWORD &bytes)
{
    if (!started && GetLastError() != ERROR_IO_PENDING)
        return false;
    const HANDLE events[] = {io.overlapped.hEvent, stop};
    const DWORD count = stop ? 2 : 1;
    if (WaitForMultipleObjects(count, events, FALSE, timeoutMs) != WAIT_OBJECT_0) {
        CancelIoEx(handle, &io.overlapped);
        GetOverlappedResult(handle, &io.overlapped, &bytes, TRUE);
        return false;
    }
    return GetOverlappedResult(handle, &io.overlapped, &bytes, FALSE) != 0;
}

std::optional<std::string> readLine(HANDLE pipe, DWORD timeoutMs, HANDLE stop)
{
    std::string received;
    char chunk[512];
    while (received.size() <= MaxLineBytes) {
        if (const std::size_t end = received.find('\n'); end != std::string::npos)
            return received.substr(0, end);
        Io io;
        DWORD bytes = 0;
        const BOOL started = ReadFile(pipe, chunk, sizeof chunk, nullptr, &io.overlapped);
        if (!finish(pipe, io, started, timeoutMs, stop, bytes) || bytes == 0)
            return std::nullopt;
        received.append(chunk, bytes);
    }
    return std::nullopt;
}

bool writeLine(HANDLE pipe, const std::string &line, DWORD timeoutMs, HANDLE stop)
{
    const std::string data = line + '\n';
    Io io;
    DWORD bytes = 0;
    const BOOL started
        = WriteFile(pipe, data.data(), static_cast<DWORD>(data.size()), nullptr, &io.overlapped);
    return finish(pipe, io, started, timeoutMs, stop, bytes) && bytes == data.size();
}

DWORD millisecondsUntil(std::chrono::steady_clock::time_point deadline)
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    return left.count() > 0 ? static_cast<DWORD>(left.count()) : 0;
}

} // namespace

std::wstring userPipeName(const std::wstring &base)
{
    DWORD session = 0;
    ProcessIdToSessionId(GetCurrentProcessId(), &session);
    return L"\\\\.\\pipe\\" + base + L"-" + thisUserSid() + L"-" + std::to_wstring(session);
}

bool processRunsAsThisUser(unsigned long processId)
{
    Handle process;
    process.value = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, processId);
    if (!process.value)
        return false;
    std::vector<unsigned char> theirs = processUser(process.value);
    std::vector<unsigned char> ours = processUser(GetCurrentProcess());
    return !theirs.empty() && !ours.empty() && EqualSid(sidOf(theirs), sidOf(ours));
}

bool pipePeerRunsAsThisUser(void *pipe, PipeEnd ourEnd)
{
    ULONG peer = 0;
    const BOOL known = ourEnd == PipeEnd::Client ? GetNamedPipeServerProcessId(pipe, &peer)
                                                 : GetNamedPipeClientProcessId(pipe, &peer);
    return known && processRunsAsThisUser(peer);
}

PipeReply requestOverPipe(const std::wstring &name, const std::string &line,
                          std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    Handle pipe;
    for (;;) {
        // Identification only: a server that is not ours cannot act as us with our connection.
        pipe.value = CreateFileW(
            name.c_str(), GENERIC_READ | GENERIC_WRITE, 0, nullptr, OPEN_EXISTING,
            FILE_FLAG_OVERLAPPED | SECURITY_SQOS_PRESENT | SECURITY_IDENTIFICATION, nullptr);
        if (pipe.value != INVALID_HANDLE_VALUE)
            break;
        const DWORD error = GetLastError();
        if (error == ERROR_FILE_NOT_FOUND)
            return {PipeOutcome::NoServer, {}};
        if (error != ERROR_PIPE_BUSY || millisecondsUntil(deadline) == 0)
            return {PipeOutcome::Failed, {}};
        WaitNamedPipeW(name.c_str(), millisecondsUntil(deadline));
    }
    if (!pipePeerRunsAsThisUser(pipe.value, PipeEnd::Client))
        return {PipeOutcome::OtherUser, {}};
    if (!writeLine(pipe.value, line, millisecondsUntil(deadline), nullptr))
        return {PipeOutcome::Failed, {}};
    std::optional<std::string> reply = readLine(pipe.value, millisecondsUntil(deadline), nullptr);
    if (!reply)
        return {PipeOutcome::Failed, {}};
    return {PipeOutcome::Answered, *reply};
}

std::unique_ptr<PipeServer> PipeServer::create(const std::wstring &name, Creation &creation)
{
    creation = Creation::Failed;
    // Protected DACL: this user only, not the default read access for Everyone.
    const std::wstring sddl = L"D:P(A;;GA;;;" + thisUserSid() + L")";
    PSECURITY_DESCRIPTOR descriptor = nullptr;
    if (!ConvertStringSecurityDescriptorToSecurityDescriptorW(sddl.c_str(), SDDL_REVISION_1,
                                                              &descriptor, nullptr))
        return nullptr;
    SECURITY_ATTRIBUTES attributes {sizeof attributes, descriptor, FALSE};
    HANDLE pipe = CreateNamedPipeW(
        name.c_str(), PIPE_ACCESS_DUPLEX | FILE_FLAG_FIRST_PIPE_INSTANCE | FILE_FLAG_OVERLAPPED,
        PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS, 1,
        MaxLineBytes, MaxLineBytes, 0, &attributes);
    const DWORD error = GetLastError();
    LocalFree(descriptor);
    if (pipe == INVALID_HANDLE_VALUE) {
        if (error == ERROR_ACCESS_DENIED || error == ERROR_PIPE_BUSY)
            creation = Creation::AlreadyExists;
        return nullptr;
    }
    creation = Creation::Created;
    return std::unique_ptr<PipeServer>(
        new PipeServer(pipe, CreateEventW(nullptr, TRUE, FALSE, nullptr)));
}

PipeServer::PipeServer(void *pipe, void *stopEvent)
    : m_pipe(pipe)
    , m_stop(stopEvent)
{ }

PipeServer::~PipeServer()
{
    CloseHandle(m_pipe);
    CloseHandle(m_stop);
}

std::optional<std::string> PipeServer::nextRequest()
{
    while (WaitForSingleObject(m_stop, 0) != WAIT_OBJECT_0) {
        Io io;
        DWORD bytes = 0;
        const BOOL started = ConnectNamedPipe(m_pipe, &io.overlapped);
        const DWORD error = GetLastError();
        if (!started && error == ERROR_NO_DATA) {
            // A client that came and went before we looked.
            dropClient();
            continue;
        }
        const bool connected = (!started && error == ERROR_PIPE_CONNECTED)
            || finish(m_pipe, io, started, INFINITE, m_stop, bytes);
        if (!connected)
            break;
        if (!pipePeerRunsAsThisUser(m_pipe, PipeEnd::Server)) {
            dropClient();
            continue;
        }
        if (std::optional<std::string> line = readLine(m_pipe, ClientTimeoutMs, m_stop))
            return line;
        dropClient();
    }
    return std::nullopt;
}

void PipeServer::reply(const std::string &line)
{
    // Disconnecting discards what the client has not read yet, so wait for it to hang up first.
    if (writeLine(m_pipe, line, ClientTimeoutMs, m_stop))
        readLine(m_pipe, ClientTimeoutMs, m_stop);
    dropClient();
}

void PipeServer::stop()
{
    SetEvent(m_stop);
}

void PipeServer::dropClient()
{
    DisconnectNamedPipe(m_pipe);
}

} // namespace cqrs::win
