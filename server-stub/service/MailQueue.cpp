#include "server-stub/service/MailQueue.h"

#include <cstdio>
#include <exception>

namespace cqrs::stub {

void MailQueue::post(std::function<void()> sending)
{
    m_sender.post([sending = std::move(sending)] {
        try {
            sending();
        } catch (const std::exception &error) {
            // Nobody is waiting for the answer any more: the log is the only place to tell.
            std::fprintf(stderr, "an email could not be sent: %s\n", error.what());
        }
    });
}

void MailQueue::waitUntilSent()
{
    m_sender.waitUntilIdle();
}

} // namespace cqrs::stub
