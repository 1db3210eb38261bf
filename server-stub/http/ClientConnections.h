#pragma once

#include <mutex>
#include <string>
#include <unordered_map>

namespace cqrs::stub {

// Open connections per client address, so one client cannot take every worker (each open
// connection holds one for its life).
class ClientConnections
{
public:
    explicit ClientConnections(int maxPerClient)
        : m_maxPerClient(maxPerClient)
    { }

    // Holds one of the client's places while it lives; admitted() is false when the client
    // already had all of them.
    class Place
    {
    public:
        Place(ClientConnections &owner, std::string client);
        ~Place();
        Place(const Place &) = delete;
        Place &operator=(const Place &) = delete;
        bool admitted() const { return m_admitted; }

    private:
        ClientConnections &m_owner;
        std::string m_client;
        bool m_admitted;
    };

private:
    int m_maxPerClient;
    std::mutex m_mutex;
    std::unordered_map<std::string, int> m_open;
};

} // namespace cqrs::stub
