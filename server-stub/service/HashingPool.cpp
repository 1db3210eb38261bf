#include "HashingPool.h"

#include "SecureRandom.h"

namespace cqrs::stub {

HashingPool::HashingPool(int slotCount)
    : m_slotCount(std::max(1, slotCount))
    , m_slots(m_slotCount)
{ }

const QString &HashingPool::dummyHash()
{
    std::call_once(m_dummyOnce, [this] {
        m_dummyHash = run(
            [](const PasswordHasher &hasher) { return hasher.hash(SecureRandom::base64Url(32)); });
    });
    return m_dummyHash;
}

} // namespace cqrs::stub
