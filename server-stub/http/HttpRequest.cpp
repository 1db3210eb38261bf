#include "server-stub/http/HttpRequest.h"

#include "server-stub/http/HttpError.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

#include <httplib.h>

namespace cqrs::stub {

namespace {

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(HttpRequest)

public:
    static QString notJson(const QString &detail)
    {
        return tr("The request body must be a JSON object (%1).").arg(detail);
    }
    static QString missing(const QString &field)
    {
        return tr("The field \"%1\" is required.").arg(field);
    }
    static QString notString(const QString &field)
    {
        return tr("The field \"%1\" must be a string.").arg(field);
    }
    static QString tooLong(const QString &field, qsizetype max)
    {
        return tr("The field \"%1\" is too long: at most %2 characters.").arg(field).arg(max);
    }
};

} // namespace

HttpRequest::HttpRequest(const httplib::Request &raw, QStringList pathArguments)
    : m_raw(raw)
    , m_pathArguments(std::move(pathArguments))
{ }

QString HttpRequest::query(const char *name) const
{
    return QString::fromStdString(m_raw.get_param_value(name));
}

std::optional<QString> HttpRequest::bearerToken() const
{
    const QString header = QString::fromStdString(m_raw.get_header_value("Authorization"));
    static const QLatin1String Scheme("Bearer ");
    if (!header.startsWith(Scheme, Qt::CaseInsensitive))
        return std::nullopt;
    const QString credential = header.mid(Scheme.size()).trimmed();
    if (credential.isEmpty())
        return std::nullopt;
    return credential;
}

QJsonObject HttpRequest::jsonBody() const
{
    QJsonParseError error {};
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray::fromStdString(m_raw.body), &error);
    if (error.error != QJsonParseError::NoError)
        throw HttpError::badRequest(Messages::notJson(error.errorString()));
    if (!document.isObject())
        throw HttpError::badRequest(Messages::notJson(QStringLiteral("not an object")));
    return document.object();
}

QString HttpRequest::requiredString(const QJsonObject &body, const QString &field,
                                    qsizetype maxLength)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull())
        throw HttpError::badRequest(Messages::missing(field));
    if (!value.isString())
        throw HttpError::badRequest(Messages::notString(field));
    QString text = value.toString();
    if (text.size() > maxLength)
        throw HttpError::badRequest(Messages::tooLong(field, maxLength));
    return text;
}

QString HttpRequest::optionalString(const QJsonObject &body, const QString &field,
                                    qsizetype maxLength)
{
    const QJsonValue value = body.value(field);
    if (value.isUndefined() || value.isNull())
        return {};
    return requiredString(body, field, maxLength);
}

} // namespace cqrs::stub
