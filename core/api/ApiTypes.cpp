#include "core/api/ApiTypes.h"

#include <QJsonValue>

namespace cqrs {

namespace {

// A required string field: present, a string, and not blank.
std::optional<QString> text(const QJsonObject &json, const char *name)
{
    const QJsonValue value = json.value(QLatin1String(name));
    if (!value.isString() || value.toString().trimmed().isEmpty())
        return std::nullopt;
    return value.toString();
}

} // namespace

std::optional<RegistrationDetails> RegistrationDetails::fromJson(const QJsonObject &json)
{
    const auto userId = text(json, "userId");
    const auto displayName = text(json, "displayName");
    if (!userId || !displayName)
        return std::nullopt;
    return RegistrationDetails {*userId, *displayName, text(json, "email").value_or(QString()),
                                text(json, "organisation").value_or(QString())};
}

std::optional<UserProfile> UserProfile::fromJson(const QJsonObject &json)
{
    const auto userId = text(json, "userId");
    const auto displayName = text(json, "displayName");
    if (!userId || !displayName)
        return std::nullopt;
    UserProfile user {*userId,
                      *displayName,
                      text(json, "email").value_or(QString()),
                      text(json, "organisation").value_or(QString()),
                      text(json, "role").value_or(QString()),
                      {}};
    if (const auto changed = text(json, "passwordChangedAt"))
        user.passwordChangedAt = QDateTime::fromString(*changed, Qt::ISODateWithMs);
    return user;
}

} // namespace cqrs
