#pragma once

#include "server-stub/routes/RouteModule.h"
#include "server-stub/storage/LinkTokenStore.h"

namespace cqrs::stub {

// A registration or reset link's token at work: GET /api/v1/registrations/{token} says whose
// it is; POST sets the password (201 {userId}). The same for /api/v1/password-resets/{token},
// answering 204.
class LinkRoutes : public RouteModule
{
public:
    LinkRoutes(const RouteContext &context, LinkTokenStore::Purpose purpose)
        : m_context(context)
        , m_purpose(purpose)
    { }
    void addRoutes(Router &router) override;

private:
    struct Resolved;
    Resolved resolve(const HttpRequest &request) const;

    RouteContext m_context;
    LinkTokenStore::Purpose m_purpose;
};

} // namespace cqrs::stub
