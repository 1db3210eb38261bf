#pragma once

#include <QNetworkProxy>
#include <QString>

namespace cqrs {

// Which proxy the app's connections go through, from the IT policy value `ProxyUrl`:
//   not set (or unusable): the system's configuration, PAC file included;
//   `direct`: no proxy at all;
//   `http://host:port`: that proxy. A user name or password in it is refused, so a password
//   never sits in the registry in plain text; the app asks for proxy credentials instead.
class ProxySetting
{
public:
    enum class Mode { System, Direct, Explicit };

    ProxySetting() = default;
    // A value that is none of the above is reported through `problem` and means System.
    static ProxySetting parse(const QString &text, QString *problem = nullptr);

    Mode mode() const { return m_mode; }
    // Valid for Explicit.
    const QNetworkProxy &proxy() const { return m_proxy; }

private:
    Mode m_mode = Mode::System;
    QNetworkProxy m_proxy;
};

} // namespace cqrs
