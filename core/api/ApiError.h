#pragma once

#include "core/transport/TlsProblem.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace cqrs {

// Why a request to the CQRS server did not give the answer asked for. The kinds separate what
// the user can do about it: wait and retry (Timeout, Unreachable), tell the service desk
// (BadResponse), or act on the server's refusal (Refused, with the API error code).
struct ApiError
{
    Q_DECLARE_TR_FUNCTIONS(ApiError)

public:
    enum class Kind {
        None,
        Cancelled, // the person pressed Cancel
        Timeout, // no complete answer within the time limit
        Unreachable, // no connection: server down, wrong address, network failure
        InsecureConnection, // the server's certificate could not be checked: see `tls`
        ProxyUnreachable, // the proxy server named by IT policy or the system is down
        ProxyRefused, // the proxy wants a user name and password that were not given or wrong
        BadResponse, // an answer that is not what API v1 promises
        ServerFault, // the server failed (HTTP 500 and the like): its own words are not shown
        Refused, // an API error: `{"error": code, "message": ...}`
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code; // e.g. "token_expired", when Refused
    QString serverMessage; // the server's plain-English message, when Refused
    QStringList violations; // rule ids, for "password_policy"
    std::optional<int> retryAfterSeconds; // for "account_locked"
    QDateTime nextChangeAllowedAt; // for a "min-age" violation
    std::optional<TlsProblem> tls; // for InsecureConnection

    bool is(QStringView apiCode) const { return kind == Kind::Refused && code == apiCode; }

    // What went wrong in plain English, saying what to do next. Screens with more context
    // (an expired link, a locked account) say something more specific first.
    QString userMessage() const;
    // A short, stable name for the service desk: the API error code, or the kind of failure.
    QString diagnosticCode() const;
};

} // namespace cqrs
