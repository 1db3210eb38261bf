#include "server-stub/service/MailQueue.h"

#include <cstdio>
#include <exception>

namespace cqrs::stub {

MailQueue::MailQueue()
    : m_thread([this] { work(); })
{ }

MailQueue::~MailQueue()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void MailQueue::post(std::function<void()> sending)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(sending));
    }
    m_wake.notify_one();
}

void MailQueue::waitUntilSent()
{
    std::unique_lock lock(m_mutex);
    m_sent.wait(lock, [this] { return m_queue.empty() && !m_sending; });
}

void MailQueue::work()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        if (m_queue.empty())
            return;
        std::function<void()> sending = std::move(m_queue.front());
        m_queue.pop_front();
        m_sending = true;
        lock.unlock();
        try {
            sending();
        } catch (const std::exception &error) {
            // Nobody is waiting for the answer any more: the log is the only place to tell.
            std::fprintf(stderr, "an email could not be sent: %s\n", error.what());
        }
        lock.lock();
        m_sending = false;
        m_sent.notify_all();
    }
}

} // namespace cqrs::stub
