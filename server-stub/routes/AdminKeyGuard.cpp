#include "server-stub/routes/AdminKeyGuard.h"

#include "core/crypto/ConstantTime.h"
#include "core/crypto/SecretToken.h"
#include "server-stub/http/HttpError.h"
#include "server-stub/http/HttpRequest.h"
#include "server-stub/time/Clock.h"

#include <QJsonObject>

#include <httplib.h>

namespace cqrs::stub {

void AdminKeyGuard::require(const HttpRequest &request, httplib::Response &response)
{
    const qint64 now = m_clock.nowMs();
    const std::lock_guard lock(m_mutex);
    while (!m_failuresMs.empty() && m_failuresMs.front() <= now - WindowMs)
        m_failuresMs.pop_front();
    if (m_failuresMs.size() >= std::size_t(MaxFailures)) {
        const qint64 retryAfterSeconds = (m_failuresMs.front() + WindowMs - now + 999) / 1000;
        response.set_header("Retry-After", std::to_string(retryAfterSeconds));
        throw HttpError(api::Errors::TooManyRequests,
                        tr("Too many wrong admin keys. Wait %n second(s), then try again with the "
                           "right key.",
                           nullptr, int(retryAfterSeconds)),
                        {{QStringLiteral("retryAfterSeconds"), retryAfterSeconds}});
    }
    const std::optional<QString> given = request.bearerToken();
    // Hashing both sides first makes the comparison's time independent of the key's length.
    if (!m_adminKey.isEmpty() && given
        && equalInConstantTime(SecretToken::storageHash(*given),
                               SecretToken::storageHash(m_adminKey)))
        return;
    if (m_adminKey.isEmpty()) {
        throw HttpError(api::Errors::Unauthorized,
                        tr("The admin API is off: start the server with --admin-key-file, "
                           "--admin-key or CQRS_ADMIN_KEY."));
    }
    m_failuresMs.push_back(now);
    throw HttpError(api::Errors::Unauthorized,
                    tr("Send the admin key as \"Authorization: Bearer <key>\"."));
}

} // namespace cqrs::stub
