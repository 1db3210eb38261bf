#include "tests/support/StubClient.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>

QStringList Reply::violations() const
{
    QStringList ids;
    for (const auto &value : json().value(QStringLiteral("violations")).toArray())
        ids.append(value.toString());
    ids.sort();
    return ids;
}

QByteArray Reply::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

Reply StubClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                       const QString &bearer)
{
    QNetworkRequest request(m_stub.url(path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result;
    if (reply->isFinished()) {
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.body = reply->readAll();
        result.headers = reply->rawHeaderPairs();
    }
    reply->deleteLater();
    return result;
}

Reply StubClient::post(const QString &path, const QJsonObject &body, const QString &bearer)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), bearer);
}

Reply StubClient::adminPost(const QString &path, const QJsonObject &body)
{
    return post(path, body, StubProcess::adminKey());
}

QString StubClient::createUser(const QString &userId, const QString &email)
{
    const Reply created = adminPost(
        QStringLiteral("/api/v1/admin/users"),
        {{QStringLiteral("userId"), userId},
         {QStringLiteral("email"), email.isEmpty() ? userId + QStringLiteral("@nhs.net") : email},
         {QStringLiteral("displayName"), QStringLiteral("Test User")},
         {QStringLiteral("organisation"), QStringLiteral("A81001")},
         {QStringLiteral("role"), QStringLiteral("Practice Manager")}});
    if (created.status != 201) {
        qWarning("creating %s: %d %s", qPrintable(userId), created.status,
                 created.body.constData());
        return {};
    }
    return latestToken();
}

QString StubClient::newestAppLink(const QString &route)
{
    const QJsonArray emails = get(QStringLiteral("/dev/outbox")).array();
    for (qsizetype i = emails.size() - 1; i >= 0; --i) {
        for (const auto &link : emails.at(i).toObject().value(QStringLiteral("links")).toArray()) {
            const QUrl url(link.toString());
            if (url.scheme() == QLatin1String("cqrs") && url.host() == route)
                return link.toString();
        }
    }
    return {};
}

QString StubClient::latestToken(const QString &route)
{
    return QUrlQuery(QUrl(newestAppLink(route))).queryItemValue(QStringLiteral("token"));
}

int StubClient::registerPassword(const QString &token, const QString &password)
{
    return post(QStringLiteral("/api/v1/registrations/") + token,
                {{QStringLiteral("password"), password}})
        .status;
}

bool StubClient::addRegisteredUser(const QString &userId, const QString &password)
{
    const QString token = createUser(userId);
    return !token.isEmpty() && registerPassword(token, password) == 201;
}

QString StubClient::signIn(const QString &userId, const QString &password, Reply *reply)
{
    const Reply answer
        = post(QStringLiteral("/api/v1/sessions"),
               {{QStringLiteral("userId"), userId}, {QStringLiteral("password"), password}});
    if (reply)
        *reply = answer;
    return answer.json().value(QStringLiteral("sessionToken")).toString();
}

void StubClient::advanceClock(qint64 seconds)
{
    const Reply reply
        = post(QStringLiteral("/dev/clock"), {{QStringLiteral("advanceSeconds"), seconds}});
    QCOMPARE(reply.status, 200);
}
