#include "fuzz/FuzzTarget.h"

#include "server-stub/http/HttpError.h"
#include "server-stub/http/HttpRequest.h"

#include <QJsonObject>

#include <httplib.h>

using cqrs::fuzz::require;
using cqrs::stub::HttpError;
using cqrs::stub::HttpRequest;

namespace {

struct FieldRead
{
    const char *name;
    qsizetype maxLength;
    bool required;
};

// The fields the routes read from a request body, with the limits they pass.
constexpr FieldRead Fields[] = {
    {"userId", 256, true},        {"password", 1024, true}, {"currentPassword", 1024, true},
    {"newPassword", 1024, true},  {"email", 256, true},     {"displayName", 256, true},
    {"organisation", 256, false}, {"role", 256, false},     {"name", 256, true},
    {"idToken", 16 * 1024, true},
};

void requireBadRequest(const HttpError &error)
{
    require(error.status() == 400, "a body problem is a 400");
    const QJsonObject json = error.toJson();
    require(json.value(QLatin1String("error")).isString(), "the error names its code");
    require(!json.value(QLatin1String("message")).toString().isEmpty(),
            "the error says what to change");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    httplib::Request raw;
    raw.body.assign(reinterpret_cast<const char *>(data), size);
    // The same stranger's bytes as the Authorization header a route reads its session from.
    raw.headers.emplace("Authorization", raw.body);
    const HttpRequest request(raw, {});

    if (const auto bearer = request.bearerToken())
        require(!bearer->isEmpty() && *bearer == bearer->trimmed(), "a bearer token is trimmed");

    QJsonObject body;
    try {
        body = request.jsonBody();
    } catch (const HttpError &error) {
        requireBadRequest(error);
        return 0;
    }
    for (const FieldRead &field : Fields) {
        const QString name = QString::fromLatin1(field.name);
        try {
            const QString value = field.required
                ? HttpRequest::requiredString(body, name, field.maxLength)
                : HttpRequest::optionalString(body, name, field.maxLength);
            require(value.size() <= field.maxLength, "a field read is within its limit");
            require(!field.required || body.value(name).isString(),
                    "a required field read is a string");
        } catch (const HttpError &error) {
            requireBadRequest(error);
        }
    }
    return 0;
}
