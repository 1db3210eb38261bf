#pragma once

#include "core/oidc/token/IdTokenValidator.h"
#include "core/oidc/token/SigningKeySource.h"

#include <QByteArray>

#include <functional>

namespace cqrs {

// Validates an id_token against a provider's published keys. Providers rotate keys, so a
// token signed with a key id not in the cached set triggers exactly one refetch before it is
// refused: enough to follow a rotation, not enough to let a stream of bogus key ids hammer
// the provider through us more than once per token.
class IdTokenVerifier
{
public:
    IdTokenVerifier(IdTokenValidator validator, SigningKeySource &source);

    // `done` runs exactly once, possibly before verify() returns.
    void verify(const QByteArray &token, const std::function<void(IdTokenCheck)> &done) const;

private:
    IdTokenValidator m_validator;
    SigningKeySource &m_source;
};

} // namespace cqrs
