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
// Protocol: one UTF-8 line each way.
//   "open <link>" -> "ok"      the running instance shows the link's screen
//   "activate"    -> "ok"      it comes to the front
//   "screen"      -> "<name>"  the current screen's name (tests and the benchmark use it)
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    // Inside the user's runtime folder (private to the user's session) where there is one;
    // CQRS_DESKTOP_INSTANCE names another, so tests can run side by side.
    static QString defaultServerName();

    explicit SingleInstance(const QString &serverName, QObject *parent = nullptr);
    ~SingleInstance() override;

    // Takes the lock: true for the first instance. Needs no QCoreApplication, so a second
    // launch can hand over its link and exit without connecting to the display.
    bool tryBecomePrimary();
    // The primary, once its QApplication exists, starts answering later launches.
    void listen();

    // Secondary side: sends one request and returns the reply line, empty on failure.
    static QString request(const QString &serverName, const QString &line,
                           std::chrono::milliseconds timeout);

    // How long a second launch waits for the first to answer: the first may still be starting
    // (its credential store calls block at start-up), well beyond a second on a slow machine.
    static constexpr std::chrono::seconds HandOverTime {5};
    // Secondary side: sends `line` until the first instance answers "ok" or `within` runs out;
    // returns as soon as it answers. Each request waits for the rest of the time, so a slow first
    // instance receives the line once, not once per retry.
    static bool handOver(const QString &serverName, const QString &line,
                         std::chrono::milliseconds within = HandOverTime);

    void setScreenReporter(std::function<QString()> reporter)
    {
        m_reportScreen = std::move(reporter);
    }

signals:
    void linkReceived(const QString &link);
    void activationRequested();

private:
    void serve(QLocalSocket *socket);
    QString answer(const QString &line);

    QString m_serverName;
    QLockFile m_lock;
    std::unique_ptr<QLocalServer> m_server;
    std::function<QString()> m_reportScreen;
};

} // namespace cqrs::app
