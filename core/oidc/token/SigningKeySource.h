#pragma once

#include "core/oidc/token/JsonWebKeySet.h"

#include <QString>

#include <functional>
#include <optional>

namespace cqrs {

// Where the identity provider's signing keys come from: the client fetches the provider's
// jwks_uri over HTTP, the stand-in provider reads its own key from its database.
class SigningKeySource
{
public:
    // `keys` is std::nullopt when they could not be had; `error` then says why in plain English.
    using Delivery = std::function<void(std::optional<JsonWebKeySet> keys, QString error)>;

    virtual ~SigningKeySource() = default;
    // The cached keys when `refresh` is false (fetching them the first time), fetched anew when
    // true. May deliver synchronously or later, but exactly once.
    virtual void keys(bool refresh, Delivery deliver) = 0;
};

// A fixed key set: the stand-in provider's own key, and tests.
class FixedKeySource : public SigningKeySource
{
public:
    explicit FixedKeySource(JsonWebKeySet keys)
        : m_keys(std::move(keys))
    { }
    void keys(bool, Delivery deliver) override { deliver(m_keys, {}); }

private:
    JsonWebKeySet m_keys;
};

} // namespace cqrs
