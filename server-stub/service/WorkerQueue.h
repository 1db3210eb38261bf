#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cqrs::stub {

// Jobs run in order of posting on a fixed set of threads. What a job throws is its own
// business: wrap it before posting (HashingPool's packaged tasks carry it to the caller,
// MailQueue logs it).
class WorkerQueue
{
public:
    explicit WorkerQueue(int threadCount);
    // Runs what is still queued, then stops.
    ~WorkerQueue();
    WorkerQueue(const WorkerQueue &) = delete;
    WorkerQueue &operator=(const WorkerQueue &) = delete;

    void post(std::function<void()> job);
    // Returns once every job posted so far has finished.
    void waitUntilIdle();

private:
    void work();

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<std::function<void()>> m_jobs;
    int m_running = 0;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace cqrs::stub
