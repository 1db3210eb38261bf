#include "server-stub/routes/ApiRoutes.h"

#include "server-stub/routes/ApiAnswers.h"
#include "server-stub/service/Backend.h"
#include "server-stub/service/PasswordSetter.h"

#include <QCoreApplication>

#include <httplib.h>

namespace cqrs::stub {

namespace {

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(LinkRoutes)

public:
    static HttpError unknown()
    {
        return {api::Errors::UnknownToken,
                tr("This link is not valid. Check that you used the whole link from the email, "
                   "or ask for a new one.")};
    }
    static HttpError used()
    {
        return {api::Errors::TokenUsed,
                tr("This link has already been used. Sign in with your password, or ask for a "
                   "new link.")};
    }
    static HttpError expired()
    {
        return {api::Errors::TokenExpired,
                tr("This link has expired or has been replaced by a newer one. Use the latest "
                   "email, or ask for a new link.")};
    }
};

PasswordChange changeFor(const LinkTokenStore::Link &link, const User &user)
{
    if (link.purpose == LinkTokenStore::Purpose::Reset)
        return link.issuer == LinkTokenStore::Issuer::User ? PasswordChange::SelfServiceReset
                                                           : PasswordChange::AdministratorReset;
    return user.hasPassword() ? PasswordChange::AdministratorReset : PasswordChange::Registration;
}

struct Resolved
{
    LinkTokenStore::Link link;
    User user;
};

Resolved resolve(Backend &backend, LinkTokenStore::Purpose purpose, const HttpRequest &request)
{
    const std::optional<LinkTokenStore::Link> link
        = backend.links().find(purpose, request.pathArgument(0), backend.clock().nowMs());
    if (!link)
        throw Messages::unknown();
    if (link->state == LinkTokenStore::State::Used)
        throw Messages::used();
    if (link->state == LinkTokenStore::State::Expired)
        throw Messages::expired();
    std::optional<User> user = backend.users().find(link->userId);
    if (!user)
        throw Messages::unknown();
    return {*link, *std::move(user)};
}

} // namespace

void addLinkRoutes(Router &router, const RouteContext &context, LinkTokenStore::Purpose purpose)
{
    Backend &backend = context.backend;
    const QString path = purpose == LinkTokenStore::Purpose::Register
        ? QString(api::Paths::Registration)
        : QString(api::Paths::PasswordReset);

    router.add("GET", path,
               [&backend, purpose](const HttpRequest &request, httplib::Response &response) {
                   const Resolved resolved = resolve(backend, purpose, request);
                   Reply::json(response, 200,
                               {{QStringLiteral("userId"), resolved.user.userId},
                                {QStringLiteral("displayName"), resolved.user.displayName},
                                {QStringLiteral("email"), resolved.user.email},
                                // For the context-words rule the app judges as the person types.
                                {QStringLiteral("organisation"), resolved.user.organisation}});
               });

    router.add(
        "POST", path, [&backend, purpose](const HttpRequest &request, httplib::Response &response) {
            const QString password
                = HttpRequest::requiredString(request.jsonBody(), QStringLiteral("password"));
            const Resolved resolved = resolve(backend, purpose, request);
            const PasswordSetter::Outcome outcome = PasswordSetter(backend).set(
                resolved.user, password, changeFor(resolved.link, resolved.user), [&](qint64 now) {
                    if (!backend.links().consume(resolved.link, now))
                        return false;
                    // Whoever might know the old password is signed out everywhere.
                    backend.sessions().revokeAllFor(resolved.user.userId, {}, now);
                    return true;
                });
            switch (outcome.kind) {
            case PasswordSetter::Outcome::Kind::Refused:
                throw ApiAnswers::policyRefusal(outcome);
            case PasswordSetter::Outcome::Kind::Conflict:
                // The link changed while the password was hashed: used, but also perhaps replaced
                // by a new invitation or run out. Say which, as a request arriving now would hear.
                resolve(backend, purpose, request);
                throw Messages::used();
            case PasswordSetter::Outcome::Kind::Accepted:
                break;
            }
            if (purpose == LinkTokenStore::Purpose::Register)
                Reply::json(response, 201, {{QStringLiteral("userId"), resolved.user.userId}});
            else
                Reply::noContent(response);
        });
}

} // namespace cqrs::stub
