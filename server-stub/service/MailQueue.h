#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace cqrs::stub {

// Sends emails on one background thread, after the request that asked for them has been
// answered. A password-reset request must take as long for an unknown User ID as for a real
// one, and writing a link and syncing its email to disk is work only a real one needs.
class MailQueue
{
public:
    MailQueue();
    // Sends what is still queued, then stops.
    ~MailQueue();
    MailQueue(const MailQueue &) = delete;
    MailQueue &operator=(const MailQueue &) = delete;

    void post(std::function<void()> sending);
    // Returns once everything posted so far has been sent: whoever reads the outbox sees the
    // emails they just asked for.
    void waitUntilSent();

private:
    void work();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_sent;
    std::deque<std::function<void()>> m_queue;
    bool m_sending = false;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace cqrs::stub
