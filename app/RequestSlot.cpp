#include "app/RequestSlot.h"

namespace cqrs::app {

void RequestSlot::track(ApiCall *call)
{
    if (m_call)
        m_call->cancel();
    m_call = call;
    if (call)
        connect(call, &ApiCall::retrying, this, &RequestSlot::retrying);
}

void RequestSlot::cancel()
{
    if (m_call)
        m_call->cancel();
    emit cancelling();
}

} // namespace cqrs::app
