#include "app/RequestSlot.h"

namespace cqrs::app {

void RequestSlot::track(ApiCall *call)
{
    if (m_call)
        m_call->cancel();
    m_call = call;
}

void RequestSlot::cancel()
{
    if (m_call)
        m_call->cancel();
    emit cancelling();
}

} // namespace cqrs::app
