#include "StubServer.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

StubServer::StubServer(QStringList extraArguments)
    : m_extraArguments(std::move(extraArguments))
{ }

StubServer::~StubServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(3000))
            m_process.kill();
        m_process.waitForFinished(1000);
    }
}

QString StubServer::start()
{
    const QString program = qEnvironmentVariable("CQRS_SERVER_STUB");
    if (program.isEmpty())
        return QStringLiteral("CQRS_SERVER_STUB is not set");
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(program,
                    QStringList {QStringLiteral("serve"), QStringLiteral("--db"),
                                 m_dir.filePath(QStringLiteral("stub.db")),
                                 QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                 QStringLiteral("--outbox"),
                                 m_dir.filePath(QStringLiteral("outbox")), QStringLiteral("--dev"),
                                 QStringLiteral("--admin-key"), QString::fromLatin1(AdminKey)}
                        + m_extraArguments);
    if (!m_process.waitForStarted(5000))
        return QStringLiteral("cannot start ") + program;
    const QDeadlineTimer deadline(10000);
    QByteArray seen;
    while (!deadline.hasExpired()) {
        if (!m_process.canReadLine() && !m_process.waitForReadyRead(200)) {
            if (m_process.state() == QProcess::NotRunning)
                break;
            continue;
        }
        while (m_process.canReadLine()) {
            const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
            seen += line.toUtf8() + '\n';
            static const QString marker = QStringLiteral("listening on ");
            if (line.startsWith(marker)) {
                m_url = QUrl(line.mid(marker.size()));
                return {};
            }
        }
    }
    return QStringLiteral("the stub did not say where it listens: ") + QString::fromUtf8(seen)
        + QString::fromUtf8(m_process.readAllStandardError());
}

StubServer::Answer StubServer::send(const QByteArray &verb, const QString &path,
                                    const QJsonObject *body, const QByteArray &bearer)
{
    QNetworkAccessManager network;
    QNetworkRequest request(m_url.resolved(QUrl(path)));
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    QByteArray payload;
    if (body) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        payload = QJsonDocument(*body).toJson();
    }
    QNetworkReply *reply = network.sendCustomRequest(request, verb, payload);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonDocument document = QJsonDocument::fromJson(reply->readAll());
    answer.json = document.isArray() ? QJsonObject {{QStringLiteral("list"), document.array()}}
                                     : document.object();
    delete reply;
    return answer;
}

StubServer::Answer StubServer::adminPost(const QString &path, const QJsonObject &body)
{
    return send("POST", path, &body, AdminKey);
}

StubServer::Answer StubServer::post(const QString &path, const QJsonObject &body)
{
    return send("POST", path, &body, {});
}

bool StubServer::addRegisteredUser(const QString &userId, const QString &password)
{
    const Answer created
        = adminPost(QStringLiteral("/api/v1/admin/users"),
                    {{QStringLiteral("userId"), userId},
                     {QStringLiteral("email"), userId + QStringLiteral("@nhs.net")},
                     {QStringLiteral("displayName"), userId}});
    const QString link = newestAppLink(QStringLiteral("register"));
    const QString token = link.mid(link.indexOf(QLatin1Char('=')) + 1);
    return created.status == 201
        && post(QStringLiteral("/api/v1/registrations/") + token,
                {{QStringLiteral("password"), password}})
               .status
        == 201;
}

QJsonArray StubServer::outbox()
{
    return send("GET", QStringLiteral("/dev/outbox"), nullptr, {})
        .json.value(QStringLiteral("list"))
        .toArray();
}

QString StubServer::newestAppLink(const QString &route)
{
    const QString prefix = QStringLiteral("cqrs://") + route + QLatin1Char('?');
    const QJsonArray mails = outbox();
    for (qsizetype i = mails.size() - 1; i >= 0; --i) {
        const QJsonObject mail = mails.at(i).toObject();
        for (const QJsonValue &link : mail.value(QStringLiteral("links")).toArray()) {
            if (link.toString().startsWith(prefix))
                return link.toString();
        }
    }
    return {};
}

void StubServer::advanceClock(qint64 seconds)
{
    const QJsonObject body {{QStringLiteral("advanceSeconds"), seconds}};
    send("POST", QStringLiteral("/dev/clock"), &body, {});
}
