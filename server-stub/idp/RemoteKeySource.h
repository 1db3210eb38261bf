#pragma once

#include <SigningKeySource.h>

#include <QString>

#include <mutex>
#include <optional>

namespace cqrs::stub {

// An external OpenID provider the stub trusts (--trust-issuer), as the real CQRS service trusts
// NHSmail: its jwks_uri from its discovery document, its keys from there, cached until a token
// names an unknown key. Synchronous (the stub's handlers run on worker threads) and
// thread-safe.
class RemoteKeySource : public SigningKeySource
{
public:
    static constexpr int TimeoutSeconds = 10;

    explicit RemoteKeySource(QString issuer);
    void keys(bool refresh, Delivery deliver) override;

private:
    std::optional<JsonWebKeySet> fetch(QString *error) const;

    QString m_issuer;
    std::mutex m_mutex;
    std::optional<JsonWebKeySet> m_cached;
};

} // namespace cqrs::stub
