#pragma once

#include "server-stub/service/WorkerQueue.h"

#include <functional>

namespace cqrs::stub {

// Sends emails on one background thread, after the request that asked for them has been
// answered. A password-reset request must take as long for an unknown User ID as for a real
// one, and writing a link and syncing its email to disk is work only a real one needs.
// Destroyed, it sends what is still queued, then stops.
class MailQueue
{
public:
    void post(std::function<void()> sending);
    // Returns once everything posted so far has been sent: whoever reads the outbox sees the
    // emails they just asked for.
    void waitUntilSent();

private:
    WorkerQueue m_sender {1};
};

} // namespace cqrs::stub
