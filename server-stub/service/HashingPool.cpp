#include "server-stub/service/HashingPool.h"

#include "core/crypto/SecureRandom.h"

namespace cqrs::stub {

HashingPool::HashingPool(int threadCount, PasswordHasher hasher)
    : m_hasher(hasher)
{
    for (int i = 0; i < std::max(1, threadCount); ++i)
        m_threads.emplace_back([this] { work(); });
}

HashingPool::~HashingPool()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (std::thread &thread : m_threads)
        thread.join();
}

const QString &HashingPool::dummyHash()
{
    std::call_once(m_dummyOnce, [this] {
        m_dummyHash = run(
            [](const PasswordHasher &hasher) { return hasher.hash(SecureRandom::base64Url(32)); });
    });
    return m_dummyHash;
}

void HashingPool::submit(std::function<void()> job)
{
    {
        std::lock_guard lock(m_mutex);
        m_jobs.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void HashingPool::work()
{
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_jobs.empty())
                return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job();
    }
}

} // namespace cqrs::stub
