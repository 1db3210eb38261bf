#pragma once

#include "core/policy/PolicyRule.h"

#include <QLatin1String>

#include <array>

// The CQRS API's contract in one place: the error codes the server raises (each with the one
// HTTP status it comes with) and the paths it serves. The server-stub raises from here, the
// client compares against here, and tst_openapi checks server-stub/openapi.json against it.
// The `violations` rule ids of a password_policy refusal are core/policy/PolicyRule's.
namespace cqrs::api {

struct ApiErrorCode
{
    QLatin1String code; // the body's "error"
    int status;

    friend constexpr bool operator==(const ApiErrorCode &a, const ApiErrorCode &b)
    {
        return a.status == b.status && a.code == b.code;
    }
};

namespace Errors {
// Any request.
inline constexpr ApiErrorCode BadRequest {QLatin1String("bad_request"), 400};
inline constexpr ApiErrorCode NotFound {QLatin1String("not_found"), 404};
inline constexpr ApiErrorCode MethodNotAllowed {QLatin1String("method_not_allowed"), 405};
inline constexpr ApiErrorCode LengthRequired {QLatin1String("length_required"), 411};
inline constexpr ApiErrorCode PayloadTooLarge {QLatin1String("payload_too_large"), 413};
inline constexpr ApiErrorCode UriTooLong {QLatin1String("uri_too_long"), 414};
inline constexpr ApiErrorCode UnsupportedMediaType {QLatin1String("unsupported_media_type"), 415};
inline constexpr ApiErrorCode MisdirectedRequest {QLatin1String("misdirected_request"), 421};
inline constexpr ApiErrorCode TooManyRequests {QLatin1String("too_many_requests"), 429};
inline constexpr ApiErrorCode InternalError {QLatin1String("internal_error"), 500};
inline constexpr ApiErrorCode TooManyConnections {QLatin1String("too_many_connections"), 429};
// Signing in and sessions.
inline constexpr ApiErrorCode InvalidCredentials {QLatin1String("invalid_credentials"), 401};
inline constexpr ApiErrorCode InvalidSession {QLatin1String("invalid_session"), 401};
inline constexpr ApiErrorCode AccountLocked {QLatin1String("account_locked"), 423};
inline constexpr ApiErrorCode InvalidToken {QLatin1String("invalid_token"), 401};
inline constexpr ApiErrorCode NotRegistered {QLatin1String("not_registered"), 403};
inline constexpr ApiErrorCode NhsMailMismatch {QLatin1String("nhsmail_mismatch"), 403};
// Links and passwords.
inline constexpr ApiErrorCode UnknownToken {QLatin1String("unknown_token"), 404};
inline constexpr ApiErrorCode TokenUsed {QLatin1String("token_used"), 410};
inline constexpr ApiErrorCode TokenExpired {QLatin1String("token_expired"), 410};
inline constexpr ApiErrorCode PasswordPolicy {QLatin1String("password_policy"), 422};
inline constexpr ApiErrorCode Conflict {QLatin1String("conflict"), 409};
// The admin API.
inline constexpr ApiErrorCode Unauthorized {QLatin1String("unauthorized"), 401};
inline constexpr ApiErrorCode UnknownUser {QLatin1String("unknown_user"), 404};
inline constexpr ApiErrorCode UserExists {QLatin1String("user_exists"), 409};

inline constexpr std::array All {
    BadRequest,
    NotFound,
    MethodNotAllowed,
    LengthRequired,
    PayloadTooLarge,
    UriTooLong,
    UnsupportedMediaType,
    MisdirectedRequest,
    TooManyRequests,
    InternalError,
    TooManyConnections,
    InvalidCredentials,
    InvalidSession,
    AccountLocked,
    InvalidToken,
    NotRegistered,
    NhsMailMismatch,
    UnknownToken,
    TokenUsed,
    TokenExpired,
    PasswordPolicy,
    Conflict,
    Unauthorized,
    UnknownUser,
    UserExists,
};
} // namespace Errors

namespace Paths {
inline constexpr QLatin1String PasswordPolicy("/api/v1/password-policy");
inline constexpr QLatin1String Registration("/api/v1/registrations/{token}");
inline constexpr QLatin1String PasswordResets("/api/v1/password-resets");
inline constexpr QLatin1String PasswordReset("/api/v1/password-resets/{token}");
inline constexpr QLatin1String Sessions("/api/v1/sessions");
inline constexpr QLatin1String CurrentSession("/api/v1/sessions/current");
inline constexpr QLatin1String SsoSessions("/api/v1/sessions/sso");
inline constexpr QLatin1String Me("/api/v1/me");
inline constexpr QLatin1String MyPassword("/api/v1/me/password");
inline constexpr QLatin1String AdminUsers("/api/v1/admin/users");
inline constexpr QLatin1String AdminInvitation("/api/v1/admin/users/{userId}/invitation");
inline constexpr QLatin1String AdminUnlock("/api/v1/admin/users/{userId}/unlock");
// The pages an email link opens.
inline constexpr QLatin1String RegisterPage("/register");
inline constexpr QLatin1String ResetPage("/reset");

inline constexpr std::array All {
    PasswordPolicy, Registration, PasswordResets, PasswordReset, Sessions,        CurrentSession,
    SsoSessions,    Me,           MyPassword,     AdminUsers,    AdminInvitation, AdminUnlock,
    RegisterPage,   ResetPage,
};
} // namespace Paths

} // namespace cqrs::api
