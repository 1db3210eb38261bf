#pragma once

#include "core/api/ApiError.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace cqrs {

// Who a registration or reset link belongs to (GET /api/v1/registrations/{token}).
struct RegistrationDetails
{
    QString userId;
    QString displayName;
    QString email;
    QString organisation; // empty from a server that does not say

    static std::optional<RegistrationDetails> fromJson(const QJsonObject &json);
};

// The signed-in user (`user` in docs/design.md §4).
struct UserProfile
{
    QString userId;
    QString displayName;
    QString email;
    QString organisation;
    QString role;
    QDateTime passwordChangedAt; // invalid when the server did not say

    static std::optional<UserProfile> fromJson(const QJsonObject &json);
};

// The answer to a request whose success carries nothing the client needs (204, 202).
struct Done
{
    static std::optional<Done> fromJson(const QJsonObject &) { return Done {}; }
};

template<typename T> struct ApiResult
{
    std::optional<T> value; // set exactly when the request succeeded
    ApiError error; // Kind::None on success

    bool ok() const { return value.has_value(); }
};

} // namespace cqrs
