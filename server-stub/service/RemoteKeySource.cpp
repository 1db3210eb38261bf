#include "server-stub/service/RemoteKeySource.h"

#include "core/oidc/token/ProviderMetadata.h"

#include <QCoreApplication>

#include <httplib.h>

namespace cqrs::stub {

namespace {

class Messages
{
    Q_DECLARE_TR_FUNCTIONS(RemoteKeySource)

public:
    static QString unreachable(const QString &url)
    {
        return tr("The trusted identity provider could not be reached at %1.").arg(url);
    }
    static QString badKeys()
    {
        return tr("The trusted identity provider's keys could not be read.");
    }
};

std::optional<QByteArray> get(const QUrl &url)
{
    const std::string origin
        = url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
              .toString()
              .toStdString();
    httplib::Client client(origin);
    client.set_connection_timeout(RemoteKeySource::TimeoutSeconds);
    client.set_read_timeout(RemoteKeySource::TimeoutSeconds);
    client.enable_server_certificate_verification(true);
    const std::string path = url.path(QUrl::FullyEncoded).toStdString()
        + (url.hasQuery() ? "?" + url.query(QUrl::FullyEncoded).toStdString() : "");
    const httplib::Result result = client.Get(path);
    if (!result || result->status != 200)
        return std::nullopt;
    return QByteArray::fromStdString(result->body);
}

} // namespace

RemoteKeySource::RemoteKeySource(QString issuer, std::chrono::milliseconds minRefetchInterval)
    : m_issuer(std::move(issuer))
    , m_minRefetchInterval(minRefetchInterval)
{ }

void RemoteKeySource::keys(bool refresh, Delivery deliver)
{
    std::optional<JsonWebKeySet> keys;
    QString error;
    {
        const std::lock_guard lock(m_mutex);
        const auto now = std::chrono::steady_clock::now();
        const bool due = !m_lastFetch || now - *m_lastFetch >= m_minRefetchInterval;
        if ((refresh || !m_cached) && due) {
            m_lastFetch = now;
            if (std::optional<JsonWebKeySet> fetched = fetch(&m_lastError))
                m_cached = std::move(fetched);
        }
        keys = m_cached;
        if (!keys)
            error = m_lastError;
    }
    deliver(keys, error);
}

std::optional<JsonWebKeySet> RemoteKeySource::fetch(QString *error) const
{
    const QUrl discovery = ProviderMetadata::discoveryUrl(m_issuer);
    const auto document = get(discovery);
    if (!document) {
        *error = Messages::unreachable(discovery.toString());
        return std::nullopt;
    }
    const auto metadata = ProviderMetadata::fromJson(*document, m_issuer, error);
    if (!metadata)
        return std::nullopt;
    const auto jwks = get(metadata->jwksUri);
    auto keys = jwks ? JsonWebKeySet::fromJson(*jwks) : std::nullopt;
    if (!keys)
        *error = Messages::badKeys();
    return keys;
}

} // namespace cqrs::stub
