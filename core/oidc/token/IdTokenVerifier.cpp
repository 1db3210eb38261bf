#include "core/oidc/token/IdTokenVerifier.h"

namespace cqrs {

namespace {

IdTokenCheck keysUnavailable(const QString &error)
{
    return {std::nullopt, IdTokenProblem::UnknownKey, error};
}

} // namespace

IdTokenVerifier::IdTokenVerifier(IdTokenValidator validator, SigningKeySource &source)
    : m_validator(std::move(validator))
    , m_source(source)
{ }

void IdTokenVerifier::verify(const QByteArray &token,
                             const std::function<void(IdTokenCheck)> &done) const
{
    auto validator = m_validator;
    auto &source = m_source;
    source.keys(
        false, [=, &source](const std::optional<JsonWebKeySet> &keys, const QString &error) {
            if (!keys)
                return done(keysUnavailable(error));
            IdTokenCheck check = validator.validate(token, *keys);
            if (check.problem != IdTokenProblem::UnknownKey)
                return done(std::move(check));
            source.keys(
                true, [=](const std::optional<JsonWebKeySet> &fresh, const QString &freshError) {
                    done(fresh ? validator.validate(token, *fresh) : keysUnavailable(freshError));
                });
        });
}

} // namespace cqrs
