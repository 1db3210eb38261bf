#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <optional>

// The real cqrs-server-stub (path in CQRS_SERVER_STUB) on a free loopback port, with a
// throw-away database and outbox, dev endpoints and an admin key: what a tester runs. Extra
// `serve` arguments add to that, e.g. --idp for the stand-in NHSmail.
class StubServer
{
public:
    struct Answer
    {
        int status = 0;
        QJsonObject json;
    };

    static constexpr const char *AdminKey = "journey-admin-key";

    explicit StubServer(QStringList extraArguments = {});
    ~StubServer();

    // Empty on success, otherwise why the stub did not start.
    QString start();
    QUrl url() const { return m_url; }

    Answer adminPost(const QString &path, const QJsonObject &body);
    Answer post(const QString &path, const QJsonObject &body);
    // Creates a user and sets their first password through the registration link.
    bool addRegisteredUser(const QString &userId, const QString &password);
    QJsonArray outbox();
    // The newest cqrs:// link with `route` ("register", "reset") in the outbox.
    QString newestAppLink(const QString &route);
    void advanceClock(qint64 seconds);

private:
    Answer send(const QByteArray &verb, const QString &path, const QJsonObject *body,
                const QByteArray &bearer);

    QStringList m_extraArguments;
    QTemporaryDir m_dir;
    QProcess m_process;
    QUrl m_url;
};
