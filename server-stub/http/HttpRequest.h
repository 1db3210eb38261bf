#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace httplib {
struct Request;
}

namespace cqrs::stub {

// A request as a route handler sees it: the path's {placeholders} in order, and the JSON body
// and fields checked for presence and type (a mistake throws HttpError 400 naming the field).
class HttpRequest
{
public:
    HttpRequest(const httplib::Request &raw, QStringList pathArguments);

    const httplib::Request &raw() const { return m_raw; }
    QString pathArgument(qsizetype index) const { return m_pathArguments.value(index); }
    QString query(const char *name) const;

    // The `Authorization: Bearer` credential, if there is one.
    std::optional<QString> bearerToken() const;

    // The body as a JSON object (400 when it is not one).
    QJsonObject jsonBody() const;

    // A required string field of the body, at most `maxLength` UTF-16 units.
    static QString requiredString(const QJsonObject &body, const QString &field,
                                  qsizetype maxLength = 1024);
    // An optional string field: empty when absent or null.
    static QString optionalString(const QJsonObject &body, const QString &field,
                                  qsizetype maxLength = 1024);

private:
    const httplib::Request &m_raw;
    QStringList m_pathArguments;
};

} // namespace cqrs::stub
