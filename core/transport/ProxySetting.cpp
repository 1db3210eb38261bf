#include "core/transport/ProxySetting.h"

#include <QUrl>

namespace cqrs {

ProxySetting ProxySetting::parse(const QString &text, QString *problem)
{
    ProxySetting setting;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return setting;
    if (trimmed.compare(QLatin1String("direct"), Qt::CaseInsensitive) == 0) {
        setting.m_mode = Mode::Direct;
        return setting;
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    const bool usable = url.isValid() && url.scheme().toLower() == QLatin1String("http")
        && !url.host().isEmpty() && url.port() > 0 && url.userInfo().isEmpty()
        && (url.path().isEmpty() || url.path() == QLatin1String("/")) && !url.hasQuery();
    if (!usable) {
        if (problem)
            *problem = QStringLiteral("ProxyUrl must be 'direct' or http://host:port without a "
                                      "user name or password; using the system proxy instead");
        return setting;
    }
    setting.m_mode = Mode::Explicit;
    setting.m_proxy
        = QNetworkProxy(QNetworkProxy::HttpProxy, url.host(), static_cast<quint16>(url.port()));
    return setting;
}

} // namespace cqrs
