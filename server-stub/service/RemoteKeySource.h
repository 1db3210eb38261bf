#pragma once

#include "core/oidc/token/SigningKeySource.h"

#include <QString>

#include <chrono>
#include <mutex>
#include <optional>

namespace cqrs::stub {

// An external OpenID provider the stub trusts (--trust-issuer), as the real CQRS service trusts
// NHSmail: its jwks_uri from its discovery document, its keys from there, cached until a token
// names an unknown key. Synchronous (the stub's handlers run on worker threads) and
// thread-safe. Anyone can send a token naming an unknown key, so such refetches happen at most
// once a minute, and a failed one keeps the keys already known.
class RemoteKeySource : public SigningKeySource
{
public:
    static constexpr int TimeoutSeconds = 10;

    static constexpr std::chrono::milliseconds MinRefetchInterval = std::chrono::minutes(1);

    explicit RemoteKeySource(QString issuer,
                             std::chrono::milliseconds minRefetchInterval = MinRefetchInterval);
    void keys(bool refresh, Delivery deliver) override;

private:
    std::optional<JsonWebKeySet> fetch(QString *error) const;

    QString m_issuer;
    std::chrono::milliseconds m_minRefetchInterval;
    std::mutex m_mutex;
    std::optional<JsonWebKeySet> m_cached;
    QString m_lastError;
    std::optional<std::chrono::steady_clock::time_point> m_lastFetch;
};

} // namespace cqrs::stub
