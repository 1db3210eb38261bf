#pragma once

#include "PasswordHasher.h"

#include <QString>

#include <mutex>
#include <semaphore>

namespace cqrs::stub {

// Bounds how many Argon2id computations run at once (each takes ~20 MB and ~0.1 s of a core).
// Request threads wait here for a slot, so a burst of sign-ins queues for the CPU instead of
// piling up memory, while requests that never hash are served by the other workers.
class HashingPool
{
public:
    explicit HashingPool(int slotCount);

    // Runs `work(hasher)` once a slot is free.
    template<typename Work> auto run(Work &&work)
    {
        Slot slot(m_slots);
        return work(m_hasher);
    }

    // A real hash of a password nobody knows: unknown users are verified against it, so they
    // take as long as real ones.
    const QString &dummyHash();

    int slotCount() const { return m_slotCount; }

private:
    class Slot
    {
    public:
        explicit Slot(std::counting_semaphore<> &available)
            : m_slots(available)
        {
            m_slots.acquire();
        }
        ~Slot() { m_slots.release(); }
        Slot(const Slot &) = delete;
        Slot &operator=(const Slot &) = delete;

    private:
        std::counting_semaphore<> &m_slots;
    };

    int m_slotCount;
    std::counting_semaphore<> m_slots;
    PasswordHasher m_hasher;
    std::once_flag m_dummyOnce;
    QString m_dummyHash;
};

} // namespace cqrs::stub
