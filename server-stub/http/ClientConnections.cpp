#include "server-stub/http/ClientConnections.h"

namespace cqrs::stub {

ClientConnections::Place::Place(ClientConnections &owner, std::string client)
    : m_owner(owner)
    , m_client(std::move(client))
{
    const std::lock_guard lock(m_owner.m_mutex);
    int &open = m_owner.m_open[m_client];
    m_admitted = open < m_owner.m_maxPerClient;
    if (m_admitted)
        ++open;
    else if (open == 0)
        m_owner.m_open.erase(m_client);
}

ClientConnections::Place::~Place()
{
    if (!m_admitted)
        return;
    const std::lock_guard lock(m_owner.m_mutex);
    const auto found = m_owner.m_open.find(m_client);
    if (--found->second == 0)
        m_owner.m_open.erase(found);
}

} // namespace cqrs::stub
