#pragma once

#include <QNetworkProxy>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QAuthenticator;

namespace cqrs {

// The answer to a proxy that asks for a user name and password (HTTP 407), shared by every
// connection the app makes, so the person is asked once per session. Kept in memory only,
// never written anywhere.
//
// Windows integrated proxy authentication (Negotiate/NTLM) is left alone: Qt tries the signed-in
// Windows account by itself and only asks here when that was refused.
class ProxyCredentials : public QObject
{
    Q_OBJECT

public:
    struct Credentials
    {
        QString user;
        QString password;
    };
    // Shows the question (the app: a dialog; tests: an answer of their own). nullopt: Cancel.
    using Prompt = std::function<std::optional<Credentials>(const QNetworkProxy &proxy)>;

    explicit ProxyCredentials(Prompt prompt, QObject *parent = nullptr);

    // Connected to QNetworkAccessManager::proxyAuthenticationRequired. Fills `authenticator`
    // with what the person gave, asking them if nothing is known yet. When the proxy refuses
    // what was given, forgets it and leaves `authenticator` alone, so the request fails once
    // (it is retried with the answer once, never in a loop) and the next request asks again.
    void answer(const QNetworkProxy &proxy, QAuthenticator *authenticator);

    bool hasCredentials() const { return m_credentials.has_value(); }
    // The proxy refused what was given: the next request asks again.
    void forget();

signals:
    // The proxy refused the user name and password given for it.
    void refused();

private:
    Prompt m_prompt;
    std::optional<Credentials> m_credentials;
};

} // namespace cqrs
