#include "tests/support/SelfSignedCertificate.h"
#include "tests/support/StubClient.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

// What an unauthenticated client or a web page can make the stub do (docs/testers.md, "Limits
// and robustness"): bodies it cannot bound, endless headers, crowds of connections, foreign
// Host headers, wrong Content-Types, admin-key guessing, and reset requests that would cancel
// an administrator's link. Raw sockets against the real process.
class TestStubHardening : public QObject
{
    Q_OBJECT

private:
    StubProcess m_stub {{QStringLiteral("--dev"), QStringLiteral("--idp")}};
    std::unique_ptr<StubClient> m_client;
    // The stub over HTTPS (--tls-cert), made on first use with a throwaway certificate.
    QTemporaryDir m_certificates;
    std::unique_ptr<StubProcess> m_https;
    QSslCertificate m_httpsCertificate;

    StubProcess *https()
    {
        if (m_https)
            return m_https.get();
        SelfSignedCertificate files;
        if (!files.make(m_certificates.path()))
            return nullptr;
        const auto certificates = QSslCertificate::fromPath(files.certificate);
        auto stub = std::make_unique<StubProcess>(
            QStringList {QStringLiteral("--tls-cert"), files.certificate,
                         QStringLiteral("--tls-key"), files.key});
        if (certificates.isEmpty() || !stub->start())
            return nullptr;
        m_httpsCertificate = certificates.first();
        m_https = std::move(stub);
        return m_https.get();
    }

    // The limits hold alike for plain HTTP and for HTTPS (--tls-cert).
    static void overHttpAndHttps()
    {
        QTest::addColumn<bool>("https");
        QTest::newRow("http") << false;
        QTest::newRow("https") << true;
    }

    QSslCertificate trustFor(bool overHttps) const
    {
        return overHttps ? m_httpsCertificate : QSslCertificate();
    }

    // Plain, or over TLS trusting only `trusted` when it is given.
    static std::unique_ptr<QTcpSocket> connectTo(const QUrl &server,
                                                 const QSslCertificate &trusted = QSslCertificate())
    {
        if (trusted.isNull()) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(server.host(), quint16(server.port()));
            return socket->waitForConnected(5000) ? std::move(socket) : nullptr;
        }
        auto socket = std::make_unique<QSslSocket>();
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setCaCertificates({trusted});
        socket->setSslConfiguration(configuration);
        socket->connectToHostEncrypted(server.host(), quint16(server.port()));
        return socket->waitForEncrypted(5000) ? std::move(socket) : nullptr;
    }

    struct Answer
    {
        int status = 0;
        QByteArray head;
        QJsonObject json;
        bool closedByServer = false;
    };

    static QByteArray hostOf(const StubProcess &stub) { return stub.url().authority().toUtf8(); }

    static bool isComplete(const QByteArray &response)
    {
        const qsizetype end = response.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const qsizetype at = response.toLower().indexOf("content-length:");
        const qsizetype length = at < 0 || at > end
            ? 0
            : response.mid(at + 15, response.indexOf("\r\n", at) - at - 15).trimmed().toLongLong();
        return response.size() >= end + 4 + length;
    }

    // Sends `head`, then up to `bodyBytes` of `chunk` repeated (stopping once the server has
    // answered or closed), and reads the first answer.
    static Answer exchange(const StubProcess &stub, const QByteArray &head,
                           const QByteArray &chunk = {}, qsizetype bodyBytes = 0,
                           const QSslCertificate &trusted = QSslCertificate())
    {
        return exchange(stub.url(), head, chunk, bodyBytes, trusted);
    }

    static Answer exchange(const QUrl &server, const QByteArray &head, const QByteArray &chunk = {},
                           qsizetype bodyBytes = 0,
                           const QSslCertificate &trusted = QSslCertificate())
    {
        const std::unique_ptr<QTcpSocket> connection = connectTo(server, trusted);
        if (!connection)
            return {};
        QTcpSocket &socket = *connection;
        socket.write(head);
        socket.waitForBytesWritten(2000);
        QByteArray response;
        for (qsizetype sent = 0; sent < bodyBytes && !response.contains("\r\n\r\n")
             && socket.state() == QAbstractSocket::ConnectedState;
             sent += chunk.size()) {
            socket.write(chunk);
            socket.waitForBytesWritten(2000);
            response += socket.readAll();
        }
        // Well under the server's 5-second read timeout: an answer that only comes when the
        // server gives up waiting for a body counts as no answer.
        const QDeadlineTimer deadline(3000);
        while (!isComplete(response) && !deadline.hasExpired()
               && socket.state() == QAbstractSocket::ConnectedState) {
            socket.waitForReadyRead(int(deadline.remainingTime()));
            response += socket.readAll();
        }
        response += socket.readAll();
        Answer answer;
        answer.status = response.startsWith("HTTP/1.1 ") ? response.mid(9, 3).toInt() : 0;
        const qsizetype end = response.indexOf("\r\n\r\n");
        answer.head = response.left(end);
        answer.json = QJsonDocument::fromJson(response.mid(end + 4)).object();
        answer.closedByServer = socket.state() == QAbstractSocket::UnconnectedState
            || socket.waitForDisconnected(3000);
        return answer;
    }

    Answer exchange(const QByteArray &head, const QByteArray &chunk = {}, qsizetype bodyBytes = 0)
    {
        return exchange(m_stub, head, chunk, bodyBytes);
    }

    QByteArray request(const QByteArray &method, const QByteArray &path, const QByteArray &headers,
                       const QByteArray &body = {})
    {
        return requestTo(m_stub, method, path, headers, body);
    }

    static QByteArray requestTo(const StubProcess &stub, const QByteArray &method,
                                const QByteArray &path, const QByteArray &headers,
                                const QByteArray &body = {})
    {
        // Connection: close, so that an answer the server keeps the connection open after does
        // not leave the exchange waiting for the close.
        return method + ' ' + path + " HTTP/1.1\r\nHost: " + hostOf(stub)
            + "\r\nConnection: close\r\n" + headers
            + (body.isEmpty() ? QByteArray()
                              : "Content-Length: " + QByteArray::number(body.size()) + "\r\n")
            + "\r\n" + body;
    }

    static qint64 rowCount(const StubProcess &stub, const QString &table)
    {
        qint64 count = -1;
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(stub.databasePath());
            QSqlQuery query(db);
            if (db.open() && query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table)
                && query.next())
                count = query.value(0).toLongLong();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        return count;
    }

    // The server's peak memory grew by less than `limitMiB` while `attack` ran.
    template<typename Attack> void expectFlatMemory(qint64 limitMiB, Attack attack)
    {
        expectFlatMemory(m_stub, limitMiB, attack);
    }

    template<typename Attack>
    static void expectFlatMemory(const StubProcess &stub, qint64 limitMiB, Attack attack)
    {
        const qint64 before = stub.peakMemoryKiB();
        QVERIFY(before > 0);
        attack();
        const qint64 grownKiB = stub.peakMemoryKiB() - before;
        QVERIFY2(grownKiB < limitMiB * 1024, qPrintable(QString::number(grownKiB)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!StubProcess::binary().isEmpty(), "CQRS_SERVER_STUB is not set");
        QVERIFY(m_stub.start());
        m_client = std::make_unique<StubClient>(m_stub);
    }

    void chunkedBodyIsRefusedBeforeItIsRead()
    {
        expectFlatMemory(16, [this] {
            const Answer answer = exchange(
                request("POST", "/api/v1/sessions",
                        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"),
                "10000\r\n" + QByteArray(0x10000, 'x') + "\r\n", 64 * 1024 * 1024);
            QCOMPARE(answer.status, 411);
            QCOMPARE(answer.json.value(QStringLiteral("error")).toString(),
                     QStringLiteral("length_required"));
            QVERIFY(answer.closedByServer);
        });
    }

    void compressedBodyIsRefused()
    {
        const Answer answer = exchange(request("POST", "/api/v1/password-resets",
                                               "Content-Type: application/json\r\n"
                                               "Content-Encoding: gzip\r\n",
                                               QByteArray(64, '\x1f')));
        QCOMPARE(answer.status, 415);
        QCOMPARE(answer.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("unsupported_media_type"));
        QVERIFY(answer.closedByServer);
    }

    void expectContinueGetsTheRefusalInstead()
    {
        // The client waits for "100 Continue" before sending its body: the refusal comes
        // instead, and nothing of the body is asked for.
        const Answer refused = exchange(request("POST", "/api/v1/password-resets",
                                                "Content-Type: text/plain\r\n"
                                                "Content-Length: 60000\r\n"
                                                "Expect: 100-continue\r\n"));
        QCOMPARE(refused.status, 415);
        QVERIFY2(refused.head.toLower().contains("\r\ncontent-length: "), refused.head.constData());
        QCOMPARE(refused.json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("unsupported_media_type"));
        QVERIFY(refused.closedByServer);

        // A request the headers do not refuse is asked for its body as before.
        const std::unique_ptr<QTcpSocket> socket = connectTo(m_stub.url());
        QVERIFY(socket);
        socket->write(request("POST", "/api/v1/password-resets",
                              "Content-Type: application/json\r\nContent-Length: 2\r\n"
                              "Expect: 100-continue\r\n"));
        QByteArray interim;
        while (!interim.contains("\r\n\r\n") && socket->waitForReadyRead(3000))
            interim += socket->readAll();
        QVERIFY2(interim.startsWith("HTTP/1.1 100 Continue"), interim.constData());
        socket->write("{}");
        QByteArray answer = interim.mid(interim.indexOf("\r\n\r\n") + 4);
        while (!isComplete(answer) && socket->waitForReadyRead(3000))
            answer += socket->readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 400"), answer.constData());
    }

    void tooLargeADeclaredBodyIsRefusedFromTheHeaders()
    {
        // Answered at once, with no body sent: the server neither waits for a body it will
        // not take nor reads and throws away one that trickles in for ever.
        for (const QByteArray &length : {QByteArray("65537"), QByteArray("999999999")}) {
            for (const QByteArray &expect :
                 {QByteArray(), QByteArray("Expect: 100-continue\r\n")}) {
                const Answer refused
                    = exchange(request("POST", "/api/v1/password-resets",
                                       "Content-Type: application/json\r\nContent-Length: " + length
                                           + "\r\n" + expect));
                QCOMPARE(refused.status, 413);
                QCOMPARE(refused.json.value(QStringLiteral("error")).toString(),
                         QStringLiteral("payload_too_large"));
                QVERIFY(refused.closedByServer);
            }
        }
    }

    void postWithoutLengthHasAnEmptyBody_data() { overHttpAndHttps(); }
    void postWithoutLengthHasAnEmptyBody()
    {
        QFETCH(bool, https);
        StubProcess *stub = https ? this->https() : &m_stub;
        if (!stub)
            QSKIP("the openssl command is not available to make a test certificate");
        const Answer answer = exchange(*stub,
                                       requestTo(*stub, "POST", "/api/v1/password-resets",
                                                 "Content-Type: application/json\r\n"),
                                       {}, 0, trustFor(https));
        QCOMPARE(answer.status, 400);
        QVERIFY(answer.json.value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("JSON")));
    }

    void endlessHeaderLineIsCut_data() { overHttpAndHttps(); }
    void endlessHeaderLineIsCut()
    {
        QFETCH(bool, https);
        StubProcess *stub = https ? this->https() : &m_stub;
        if (!stub)
            QSKIP("the openssl command is not available to make a test certificate");
        expectFlatMemory(*stub, 8, [&] {
            const Answer answer
                = exchange(*stub, "GET /api/v1/password-policy HTTP/1.1\r\nX-Endless: ",
                           QByteArray(64 * 1024, 'a'), 32 * 1024 * 1024, trustFor(https));
            QVERIFY(answer.closedByServer);
            QVERIFY(answer.status == 0 || answer.status == 400);
        });
        // And still serving.
        const Answer policy = exchange(
            *stub, requestTo(*stub, "GET", "/api/v1/password-policy", {}), {}, 0, trustFor(https));
        QCOMPARE(policy.status, 200);
    }

    void endlessHeaderSectionIsCut()
    {
        QByteArray lines;
        while (lines.size() < 64 * 1024)
            lines += "X-A: b\r\n";
        expectFlatMemory(8, [&] {
            const Answer answer
                = exchange("GET /api/v1/password-policy HTTP/1.1\r\n", lines, 32 * 1024 * 1024);
            QVERIFY(answer.closedByServer);
            QVERIFY(answer.status == 0 || answer.status == 400);
        });
    }

    void foreignHostIsMisdirected()
    {
        for (const QByteArray &host :
             {QByteArray("rebound.example:") + QByteArray::number(m_stub.url().port()),
              QByteArray("rebound.example"), QByteArray("127.0.0.1:1")}) {
            const Answer outbox
                = exchange("GET /dev/outbox HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
            QCOMPARE(outbox.status, 421);
            QCOMPARE(outbox.json.value(QStringLiteral("error")).toString(),
                     QStringLiteral("misdirected_request"));
        }
        const QByteArray clock = "{\"advanceSeconds\":3600}";
        const Answer moved = exchange("POST /dev/clock HTTP/1.1\r\nHost: rebound.example:"
                                      + QByteArray::number(m_stub.url().port())
                                      + "\r\nContent-Type: application/json\r\nContent-Length: "
                                      + QByteArray::number(clock.size()) + "\r\n\r\n" + clock);
        QCOMPARE(moved.status, 421);
        QCOMPARE(exchange(request("GET", "/dev/outbox", {})).status, 200);
        // The server's own name first and a stranger's second is not "the first one wins".
        QCOMPARE(exchange("GET /dev/outbox HTTP/1.1\r\nHost: " + m_stub.url().authority().toUtf8()
                          + "\r\nHost: rebound.example\r\n\r\n")
                     .status,
                 400);
        // Nor is an HTTP/1.1 request without a Host, or with an empty one (RFC 9112 §3.2).
        QCOMPARE(exchange("GET /dev/outbox HTTP/1.1\r\n\r\n").status, 400);
        QCOMPARE(exchange("GET /dev/outbox HTTP/1.1\r\nHost: \r\n\r\n").status, 400);
        QCOMPARE(exchange("GET /dev/outbox HTTP/1.1\r\nConnection: close\r\nHost: localhost:"
                          + QByteArray::number(m_stub.url().port()) + "\r\n\r\n")
                     .status,
                 200);
    }

    void publicUrlHostIsAccepted()
    {
        StubProcess stub(
            {QStringLiteral("--public-url"), QStringLiteral("https://cqrs.example.test")});
        QVERIFY(stub.start());
        QCOMPARE(exchange(stub,
                          "GET /api/v1/password-policy HTTP/1.1\r\n"
                          "Host: cqrs.example.test\r\nConnection: close\r\n\r\n")
                     .status,
                 200);
        QCOMPARE(exchange(stub,
                          "GET /api/v1/password-policy HTTP/1.1\r\n"
                          "Host: other.example.test\r\n\r\n")
                     .status,
                 421);
    }

    void jsonEndpointsTakeOnlyJson()
    {
        const QByteArray body = "{\"userId\":\"someone\"}";
        for (const QByteArray &type :
             {QByteArray("text/plain"), QByteArray("application/x-www-form-urlencoded"),
              QByteArray("multipart/form-data; boundary=x"), QByteArray(),
              // Read as UTF-8 whatever it says, so another charset is refused, not misread.
              QByteArray("application/json; charset=latin1"),
              QByteArray("application/json; charset=\"utf-16\"")}) {
            const Answer answer = exchange(
                request("POST", "/api/v1/password-resets",
                        type.isEmpty() ? QByteArray() : "Content-Type: " + type + "\r\n", body));
            QCOMPARE(answer.status, 415);
            QCOMPARE(answer.json.value(QStringLiteral("error")).toString(),
                     QStringLiteral("unsupported_media_type"));
        }
        for (const QByteArray &type : {QByteArray("application/json; charset=utf-8"),
                                       QByteArray("Application/JSON; Charset=\"UTF-8\"")})
            QCOMPARE(exchange(request("POST", "/api/v1/password-resets",
                                      "Content-Type: " + type + "\r\n", body))
                         .status,
                     202);
    }

    void providerFormsTakeOnlyForms()
    {
        const Answer json
            = exchange(request("POST", "/idp/token", "Content-Type: application/json\r\n", "{}"));
        QCOMPARE(json.status, 415);
        const Answer form = exchange(request("POST", "/idp/token",
                                             "Content-Type: application/x-www-form-urlencoded\r\n",
                                             "grant_type=authorization_code&code=nothing"));
        QCOMPARE(form.status, 400);
    }

    void connectionsPerClientAreCapped_data() { overHttpAndHttps(); }
    void connectionsPerClientAreCapped()
    {
        QFETCH(bool, https);
        // A stub of its own for plain HTTP; the HTTPS one has no connection left open.
        StubProcess own;
        StubProcess *stub = https ? this->https() : (own.start() ? &own : nullptr);
        if (!stub)
            QSKIP("the openssl command is not available to make a test certificate");
        // Kept alive, so every connection of the crowd stays open until the end.
        const QByteArray get
            = "GET /api/v1/password-policy HTTP/1.1\r\nHost: " + hostOf(*stub) + "\r\n\r\n";
        std::vector<std::unique_ptr<QTcpSocket>> crowd;
        for (int i = 0; i < 129; ++i) {
            auto socket = connectTo(stub->url(), trustFor(https));
            QVERIFY(socket);
            crowd.push_back(std::move(socket));
        }
        int served = 0;
        int refused = 0;
        for (const auto &socket : crowd) {
            socket->write(get);
            socket->waitForBytesWritten(1000);
        }
        for (const auto &socket : crowd) {
            QByteArray response;
            while (!isComplete(response) && socket->waitForReadyRead(3000))
                response += socket->readAll();
            response += socket->readAll();
            served += response.startsWith("HTTP/1.1 200") ? 1 : 0;
            refused
                += response.startsWith("HTTP/1.1 429") && response.contains("too_many_connections")
                ? 1
                : 0;
        }
        QCOMPARE(refused, 1);
        QCOMPARE(served, 128);
        crowd.clear();
        QTRY_COMPARE_WITH_TIMEOUT(
            exchange(*stub, get.chopped(2) + "Connection: close\r\n\r\n", {}, 0, trustFor(https))
                .status,
            200, 5000);
    }

    void adminKeyGuessesAreThrottled()
    {
        const QString users = QStringLiteral("/api/v1/admin/users");
        for (int i = 0; i < 10; ++i)
            QCOMPARE(m_client->get(users, QStringLiteral("wrong-admin-key-%1").arg(i)).status, 401);
        const Reply throttled = m_client->get(users, QStringLiteral("wrong-admin-key-x"));
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.error(), QStringLiteral("too_many_requests"));
        QVERIFY(throttled.header("Retry-After").toInt() > 0);
        // While throttled even the right key waits, or guessing would simply go on.
        QCOMPARE(m_client->get(users, StubProcess::adminKey()).status, 429);
        m_client->advanceClock(61);
        QCOMPARE(m_client->get(users, StubProcess::adminKey()).status, 200);
    }

    void selfServiceResetsLeaveTheAdministratorsLink()
    {
        const QString userId = QStringLiteral("reset.target");
        QVERIFY(m_client->addRegisteredUser(userId, QStringLiteral("Tidal-Orchard-64")));
        m_client->advanceClock(73 * 3600);
        QCOMPARE(m_client
                     ->post(QStringLiteral("/api/v1/admin/users/%1/invitation").arg(userId), {},
                            StubProcess::adminKey())
                     .status,
                 202);
        const QString administrators = m_client->latestToken(QStringLiteral("register"));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(m_client
                         ->post(QStringLiteral("/api/v1/password-resets"),
                                {{QStringLiteral("userId"), userId}})
                         .status,
                     202);
        }
        const QString selfService = m_client->latestToken(QStringLiteral("reset"));
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/registrations/") + administrators).status,
                 200);
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/password-resets/") + selfService).status,
                 200);
        // Once one link has set the password, the others are done with.
        QCOMPARE(m_client->registerPassword(administrators, QStringLiteral("Quiet-Harbour-73")),
                 201);
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/password-resets/") + selfService).error(),
                 QStringLiteral("token_expired"));
    }

    void anAdministratorsNewLinkVoidsAnOpenResetLink()
    {
        const QString userId = QStringLiteral("reinvited");
        QVERIFY(m_client->addRegisteredUser(userId, QStringLiteral("Tidal-Orchard-64")));
        QCOMPARE(m_client
                     ->post(QStringLiteral("/api/v1/password-resets"),
                            {{QStringLiteral("userId"), userId}})
                     .status,
                 202);
        const QString selfService = m_client->latestToken(QStringLiteral("reset"));
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/password-resets/") + selfService).status,
                 200);
        QCOMPARE(m_client
                     ->post(QStringLiteral("/api/v1/admin/users/%1/invitation").arg(userId), {},
                            StubProcess::adminKey())
                     .status,
                 202);
        const QString administrators = m_client->latestToken(QStringLiteral("register"));
        // The administrator's link is the only one left, so an older one can never replace
        // the password after the administrator has acted (nor void their link by being used).
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/password-resets/") + selfService).error(),
                 QStringLiteral("token_expired"));
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/registrations/") + administrators).status,
                 200);
    }

    void rowsOfMadeUpUserIdsAreForgotten()
    {
        for (int i = 0; i < 5; ++i) {
            Reply reply;
            m_client->signIn(QStringLiteral("made.up.%1").arg(i), QStringLiteral("Wrong-1"),
                             &reply);
            QCOMPARE(reply.status, 401);
        }
        QVERIFY(rowCount(m_stub, QStringLiteral("sign_in_failures")) >= 5);
        m_client->advanceClock(16 * 60);
        Reply reply;
        m_client->signIn(QStringLiteral("made.up.last"), QStringLiteral("Wrong-1"), &reply);
        QCOMPARE(rowCount(m_stub, QStringLiteral("sign_in_failures")), 1);
    }

    void endedSessionsAreForgotten()
    {
        const QString password = QStringLiteral("Tidal-Orchard-64");
        QVERIFY(m_client->addRegisteredUser(QStringLiteral("session.user"), password));
        QVERIFY(!m_client->signIn(QStringLiteral("session.user"), password).isEmpty());
        QVERIFY(!m_client->signIn(QStringLiteral("session.user"), password).isEmpty());
        QVERIFY(rowCount(m_stub, QStringLiteral("sessions")) >= 2);
        m_client->advanceClock(31 * 60);
        QVERIFY(!m_client->signIn(QStringLiteral("session.user"), password).isEmpty());
        QCOMPARE(rowCount(m_stub, QStringLiteral("sessions")), 1);
    }

    void shortAdminKeyIsRefused()
    {
        QString err;
        const QStringList serve {QStringLiteral("serve"), QStringLiteral("--db"),
                                 m_stub.databasePath(), QStringLiteral("--listen"),
                                 QStringLiteral("127.0.0.1:0")};
        QCOMPARE(m_stub.runCommand(serve
                                       + QStringList {QStringLiteral("--admin-key"),
                                                      QStringLiteral("demo-admin-key")},
                                   nullptr, &err),
                 2);
        QVERIFY2(err.contains(QStringLiteral("at least 16")), qPrintable(err));
    }

    // The path of a new file `admin-key` in `dir` holding `key`.
    static QString writeKeyFile(const QTemporaryDir &dir, const QByteArray &key)
    {
        const QString path = dir.filePath(QStringLiteral("admin-key"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(key) != key.size())
            return {};
        return path;
    }

    void blankAdminKeyFileIsRefused_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("said");
        QTest::newRow("spaces") << QByteArray("   \n") << QStringLiteral("holds no key");
        // No Authorization header can carry it: every admin request would be a 401.
        QTest::newRow("NUL bytes") << QByteArray(18, '\0') + '\n'
                                   << QStringLiteral("control characters");
        QTest::newRow("a space inside")
            << QByteArray("admin key 0123456789\n") << QStringLiteral("without spaces");
    }

    void blankAdminKeyFileIsRefused()
    {
        QFETCH(QByteArray, key);
        QFETCH(QString, said);
        QTemporaryDir dir;
        const QString keyFile = writeKeyFile(dir, key);
        QVERIFY(!keyFile.isEmpty());
        QString err;
        QCOMPARE(m_stub.runCommand({QStringLiteral("serve"), QStringLiteral("--db"),
                                    dir.filePath(QStringLiteral("db.sqlite")),
                                    QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                    QStringLiteral("--admin-key-file"), keyFile},
                                   nullptr, &err),
                 2);
        QVERIFY2(err.contains(said), qPrintable(err));
    }

    void adminKeyFromAFile()
    {
        QTemporaryDir dir;
        const QString keyFile = writeKeyFile(dir, "file-admin-key-0123456789\n");
        QVERIFY(!keyFile.isEmpty());
        // Not StubProcess: it always passes --admin-key, which cannot go with a key file.
        QProcess server;
        server.start(StubProcess::binary(),
                     {QStringLiteral("serve"), QStringLiteral("--db"),
                      dir.filePath(QStringLiteral("db.sqlite")), QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:0"), QStringLiteral("--admin-key-file"), keyFile});
        QByteArray out;
        const QDeadlineTimer deadline(20000);
        while (!out.contains("listening on ") && !deadline.hasExpired()
               && server.state() != QProcess::NotRunning) {
            server.waitForReadyRead(200);
            out += server.readAllStandardOutput();
        }
        const QUrl url(QString::fromUtf8(
            out.mid(out.indexOf("listening on ") + 13).split('\n').value(0).trimmed()));
        QVERIFY2(url.port() > 0, out.constData());
        const QByteArray get = "GET /api/v1/admin/users HTTP/1.1\r\nConnection: close\r\nHost: "
            + url.authority().toUtf8() + "\r\nAuthorization: Bearer ";
        QCOMPARE(exchange(url, get + "file-admin-key-0123456789\r\n\r\n").status, 200);
        QCOMPARE(exchange(url, get + "file-admin-key-012345678\r\n\r\n").status, 401);
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
    }

    void plainHttpOnTheNetworkWarns()
    {
        StubProcess stub;
        QVERIFY(stub.start({QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")}));
        QVERIFY(stub.log().contains(QStringLiteral("WARNING: serving plain HTTP on 0.0.0.0")));
        QVERIFY(!m_stub.log().contains(QStringLiteral("WARNING: serving plain HTTP")));
    }

    void cleanupTestCase() { QVERIFY(m_stub.stop()); }
};

QTEST_GUILESS_MAIN(TestStubHardening)
#include "tst_stub_hardening.moc"
