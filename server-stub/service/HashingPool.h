#pragma once

#include "server-stub/service/WorkerQueue.h"

#include "core/crypto/PasswordHasher.h"

#include <QString>

#include <functional>
#include <future>
#include <mutex>
#include <type_traits>

namespace cqrs::stub {

// Runs Argon2id work (each hash ~20 MB and ~0.1 s of a core) on a few dedicated threads, one
// per core by default. A burst of sign-ins therefore queues here instead of multiplying memory
// and CPU contention, while the many request workers stay free for requests that do not hash
// (the scheduler lets such a short request in between hashes: see the benchmark).
class HashingPool
{
public:
    HashingPool(int threadCount, PasswordHasher hasher);
    ~HashingPool();
    HashingPool(const HashingPool &) = delete;
    HashingPool &operator=(const HashingPool &) = delete;

    // Runs `work(hasher)` on a hashing thread and returns its result; the caller waits.
    template<typename Work>
    auto run(Work &&work) -> std::invoke_result_t<Work, const PasswordHasher &>
    {
        using Result = std::invoke_result_t<Work, const PasswordHasher &>;
        std::packaged_task<Result()> task([&] { return work(m_hasher); });
        std::future<Result> result = task.get_future();
        submit([&task] { task(); });
        return result.get();
    }

    // A real hash of a password nobody knows: unknown users are verified against it, so they
    // take as long as real ones.
    const QString &dummyHash();

private:
    void submit(std::function<void()> job) { m_workers.post(std::move(job)); }

    PasswordHasher m_hasher;
    WorkerQueue m_workers;
    std::once_flag m_dummyOnce;
    QString m_dummyHash;
};

} // namespace cqrs::stub
