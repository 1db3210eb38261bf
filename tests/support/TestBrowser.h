#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>
#include <QUrl>

#include <functional>

// Does over real HTTP what a person's browser does during "Sign in with NHSmail": opens the
// authorize URL, fills in and submits the stand-in provider's form, and follows the redirect
// to the app's loopback address. Each step waits (spinning the event loop, so the app's side
// keeps running) and can be tampered with to play an attacker.
class TestBrowser
{
public:
    struct Page
    {
        int status = 0;
        QByteArray body;
        QUrl location; // of a redirect
        bool ok() const { return status == 200; }
    };

    // The opener handed to OidcSignIn::start: remembers the URL, like a browser tab opening.
    std::function<bool(const QUrl &)> opener();
    // Where the tab went: the app's one-time start page redirects it to the authorize URL,
    // which is fetched (once) the first time this is asked.
    QUrl openedUrl();
    // What the app handed the browser, before following it.
    QUrl openedStartPage() const { return m_opened; }
    bool waitUntilOpened(int timeoutMs = 10000) const;

    Page get(const QUrl &url);
    Page postForm(const QUrl &url, const QList<QPair<QString, QString>> &fields);

    // GET the authorize URL, submit the form with `action` ("sign-in" or "cancel"). Returns
    // the provider's redirect towards the app (or the page, when there is no redirect).
    Page submitSignIn(const QUrl &authorizeUrl, const QString &email, const QString &password,
                      const QString &action = QStringLiteral("sign-in"));

    static QMap<QString, QString> hiddenFields(const QByteArray &html);

    // The authorize URL a client would open at `endpoint` for a code with PKCE S256, for tests
    // that play the client themselves (state "s1", nonce "n1").
    static QUrl authorizeUrl(const QUrl &endpoint, const QString &clientId,
                             const QString &redirectUri, const QString &codeChallenge,
                             const QString &scope = QStringLiteral("openid"));

private:
    Page wait(class QNetworkReply *reply);

    QNetworkAccessManager m_network;
    QUrl m_opened;
    QUrl m_landed;
};
