#include "server-stub/service/HashingPool.h"

#include "core/crypto/SecureRandom.h"

namespace cqrs::stub {

HashingPool::HashingPool(int threadCount, PasswordHasher hasher)
    : m_hasher(hasher)
    , m_workers(threadCount)
{ }

HashingPool::~HashingPool() = default;

const QString &HashingPool::dummyHash()
{
    std::call_once(m_dummyOnce, [this] {
        m_dummyHash = run(
            [](const PasswordHasher &hasher) { return hasher.hash(SecureRandom::base64Url(32)); });
    });
    return m_dummyHash;
}

} // namespace cqrs::stub
