#pragma once

#include "server-stub/http/HttpError.h"
#include "server-stub/http/HttpRequest.h"
#include "server-stub/service/PasswordSetter.h"
#include "server-stub/storage/SessionStore.h"
#include "server-stub/storage/UserStore.h"

#include <QCoreApplication>

namespace cqrs::stub {

class Backend;

// Answers and checks several route modules share, so each error reads the same everywhere.
class ApiAnswers
{
    Q_DECLARE_TR_FUNCTIONS(ApiAnswers)

public:
    struct SignedIn
    {
        User user;
        QString token;
    };

    // The live session named by the Bearer token, or 401 invalid_session.
    static SignedIn requireSession(Backend &backend, const HttpRequest &request);

    // 201 body of a sign-in: {sessionToken, expiresAt, idleTimeoutSeconds, user}.
    static QJsonObject session(const SessionStore::Issued &issued, const User &user,
                               const SessionStore::Lifetimes &lifetimes);

    static HttpError invalidCredentials();
    static HttpError locked(qint64 retryAfterMs);
    // 429 when other attempts for the User ID are still being checked (CredentialCheck's
    // Busy); sets Retry-After on `response`.
    static HttpError busy(httplib::Response &response);
    static HttpError policyRefusal(const PasswordSetter::Outcome &outcome);
};

} // namespace cqrs::stub
