#pragma once

#include <QLocalServer>
#include <QLockFile>
#include <QObject>

#include <chrono>
#include <functional>
#include <memory>

class QLocalSocket;

namespace cqrs::app {

// One running app per user session. The first launch holds a lock file and listens on a local
// socket; a later launch finds the lock taken, hands its link (or just "come to the front") to
// the first over the socket and exits. A crashed instance leaves a stale lock, which QLockFile
// recognises by its dead process id, and a stale socket, which the next primary removes.
//
// Both ends must be the same user: a link handed to another person's process would let them set
// the password (issue 9). On Linux the socket lives in a folder that only this user may enter,
// a lock or socket of another owner is never trusted nor removed, and each side asks the kernel
// who the other is (SO_PEERCRED). On Windows a native pipe does the same (app/platform/win).
// When that cannot be made safe the app says so (problem()) and works as a single window.
//
// Protocol: one UTF-8 line each way.
//   "open <link>" -> "ok"      the running instance shows the link's screen
//   "activate"    -> "ok"      it comes to the front
//   "screen"      -> "<name>"  the current screen's name (tests and the benchmark use it)
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    // Linux: $XDG_RUNTIME_DIR/cqrs-desktop.socket, or, without a runtime folder,
    // <temp>/cqrs-desktop-<uid>/cqrs-desktop.socket. Windows: a pipe named after the user's SID
    // and session. CQRS_DESKTOP_INSTANCE names another, so tests can run side by side.
    static QString defaultServerName();

    explicit SingleInstance(const QString &serverName, QObject *parent = nullptr);
    ~SingleInstance() override;

    enum class Role {
        Primary, // the first instance: it listens once QApplication exists
        Secondary, // another instance of this user runs: hand the link over
        Alone, // the channel cannot be made safe: work as a single window, see problem()
    };
    // Takes the lock. Needs no QCoreApplication, so a second launch can hand over its link and
    // exit without connecting to the display.
    Role tryBecomePrimary();
    // The primary, once its QApplication exists, starts answering later launches. False, with
    // problem() set and the lock let go, when it cannot.
    bool listen();
    // What went wrong, in words for the person, with what to do next; empty when nothing did.
    QString problem() const { return m_problem; }

    // Secondary side: sends one request and returns the reply line, empty on failure or when the
    // other end runs as another user (then nothing is sent).
    static QString request(const QString &serverName, const QString &line,
                           std::chrono::milliseconds timeout);

    // How long a second launch waits for the first to answer: the first may still be starting
    // (its credential store calls block at start-up), well beyond a second on a slow machine.
    static constexpr std::chrono::seconds HandOverTime {5};
    enum class HandOver {
        Delivered,
        NoAnswer,
        OtherUser, // the socket's listener runs as someone else: nothing was sent to it
    };
    // Secondary side: sends `line` until the first instance answers "ok" or `within` runs out;
    // returns as soon as it answers. Each request waits for the rest of the time, so a slow first
    // instance receives the line once, not once per retry. Sets problem() unless delivered.
    HandOver handOver(const QString &line, std::chrono::milliseconds within = HandOverTime);

    void setScreenReporter(std::function<QString()> reporter)
    {
        m_reportScreen = std::move(reporter);
    }

signals:
    void linkReceived(const QString &link);
    void activationRequested();

private:
    struct Reply;
    static Reply exchange(const QString &serverName, const QString &line,
                          std::chrono::milliseconds timeout);
    QString channelProblem() const;
    void serve(QLocalSocket *socket);
    QString answer(const QString &line);

    QString m_serverName;
    QLockFile m_lock;
    std::unique_ptr<QLocalServer> m_server;
    QString m_problem;
    std::function<QString()> m_reportScreen;
};

} // namespace cqrs::app
