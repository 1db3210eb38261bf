#pragma once

#include "tests/support/StubProcess.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QString>

// One HTTP exchange with the stub, waited for synchronously (the test's event loop runs
// meanwhile, so the stub's output keeps being read).
struct Reply
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QString error() const { return json().value(QStringLiteral("error")).toString(); }
    QStringList violations() const;
    QByteArray header(const QByteArray &name) const;
};

// The API calls the tests make, over real HTTP on loopback.
class StubClient
{
public:
    explicit StubClient(StubProcess &stub)
        : m_stub(stub)
    { }

    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {},
               const QString &bearer = {});
    Reply get(const QString &path, const QString &bearer = {})
    {
        return send("GET", path, {}, bearer);
    }
    Reply post(const QString &path, const QJsonObject &body, const QString &bearer = {});
    // With the stub's admin key.
    Reply adminPost(const QString &path, const QJsonObject &body);

    // Admin creates a user; returns the registration token from the outbox's newest email.
    QString createUser(const QString &userId, const QString &email = {});
    // The newest cqrs:// link in the outbox for `route` ("register", "reset"), as the app gets it.
    QString newestAppLink(const QString &route);
    // Token of that link.
    QString latestToken(const QString &route = QStringLiteral("register"));
    // Registers through `token` and returns the status.
    int registerPassword(const QString &token, const QString &password);
    // Creates a user (email userId@nhs.net) and sets their first password; true if both worked.
    bool addRegisteredUser(const QString &userId, const QString &password);
    // Signs in; the session token, or empty with the status in *status.
    QString signIn(const QString &userId, const QString &password, Reply *reply = nullptr);
    void advanceClock(qint64 seconds);

private:
    StubProcess &m_stub;
    QNetworkAccessManager m_network;
};
