#include "tests/support/StubClient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>

// Bad input of every kind gets the documented 4xx with a JSON error; the server stays up and
// nothing is stored. Also: every path of the OpenAPI document exists.
class TestStubBadInput : public QObject
{
    Q_OBJECT

private:
    // With the stand-in provider too, so the OpenAPI walk reaches every documented path.
    StubProcess m_stub {{QStringLiteral("--dev"), QStringLiteral("--idp")}};
    std::unique_ptr<StubClient> m_client;
    QByteArray m_usersBefore;
    QString m_token;

    QByteArray host() const { return m_stub.url().authority().toUtf8(); }

    // One raw HTTP exchange, for requests QNetworkAccessManager would not send as they are.
    // Returns the status code and the body of the first response.
    QPair<int, QJsonObject> raw(const QByteArray &head, qsizetype bodyBytes = 0)
    {
        QTcpSocket socket;
        socket.connectToHost(m_stub.url({}).host(), quint16(m_stub.url({}).port()));
        if (!socket.waitForConnected(5000))
            return {0, {}};
        socket.write(head);
        const QByteArray chunk(64 * 1024, 'x');
        for (qsizetype sent = 0; sent < bodyBytes && socket.state() == QTcpSocket::ConnectedState;
             sent += chunk.size()) {
            socket.write(chunk);
            socket.waitForBytesWritten(5000);
        }
        // A refusal can come (and the server end its side) before the whole body is sent.
        QByteArray response = socket.readAll();
        while (!response.contains("\r\n\r\n") || !response.trimmed().endsWith('}')) {
            if (!socket.waitForReadyRead(15000))
                break;
            response += socket.readAll();
        }
        const int status = response.mid(9, 3).toInt();
        const QByteArray body = response.mid(response.indexOf("\r\n\r\n") + 4);
        return {status, QJsonDocument::fromJson(body).object()};
    }

    void expectError(const Reply &reply, int status, const QString &code)
    {
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.error(), code);
        QVERIFY(!reply.json().value(QStringLiteral("message")).toString().isEmpty());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!StubProcess::binary().isEmpty(), "CQRS_SERVER_STUB is not set");
        QVERIFY(m_stub.start());
        m_client = std::make_unique<StubClient>(m_stub);
        m_token = m_client->createUser(QStringLiteral("steady.user"));
        QVERIFY(!m_token.isEmpty());
        m_usersBefore
            = m_client->get(QStringLiteral("/api/v1/admin/users"), StubProcess::adminKey()).body;
    }

    void malformedJsonAndWrongTypes_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        const QString registration = QStringLiteral("/api/v1/registrations/%1");
        const QList<QPair<QString, QByteArray>> cases {
            {QStringLiteral("/api/v1/sessions"), "{\"userId\": \"a\", "},
            {QStringLiteral("/api/v1/sessions"), "[]"},
            {QStringLiteral("/api/v1/sessions"), "\"text\""},
            {QStringLiteral("/api/v1/sessions"), "{}"},
            {QStringLiteral("/api/v1/sessions"), "{\"userId\": 5, \"password\": \"x\"}"},
            {QStringLiteral("/api/v1/sessions"), "{\"userId\": \"a\", \"password\": true}"},
            {QStringLiteral("/api/v1/sessions"), "{\"userId\": \"a\", \"password\": null}"},
            {QStringLiteral("/api/v1/sessions"), ""},
            {registration, "not json"},
            {registration, "{\"password\": [\"x\"]}"},
            {registration, "{\"pass\": \"Valid-Pass-99\"}"},
            {QStringLiteral("/api/v1/password-resets"), "{\"userId\": {}}"},
            {QStringLiteral("/api/v1/admin/users"), "{\"userId\": \"x\"}"},
            {QStringLiteral("/api/v1/admin/users"),
             "{\"userId\": \"bad id!\", \"email\": \"a@nhs.net\", \"displayName\": \"A\"}"},
            {QStringLiteral("/api/v1/admin/users"),
             "{\"userId\": \"ok.id\", \"email\": \"not-an-email\", \"displayName\": \"A\"}"},
            // An address a plain-ASCII mail header cannot carry as given would reach another
            // mailbox ("jöhn" was written as "jhn"), as would one the mail system cannot route.
            {QStringLiteral("/api/v1/admin/users"),
             "{\"userId\": \"ok.id\", \"email\": \"j\u00f6hn@nhs.net\", \"displayName\": \"A\"}"},
            {QStringLiteral("/api/v1/admin/users"),
             "{\"userId\": \"ok.id\", \"email\": \"\u0430dmin@nhs.net\", \"displayName\": \"A\"}"},
            {QStringLiteral("/api/v1/admin/users"),
             "{\"userId\": \"ok.id\", \"email\": \"a@b.c\", \"displayName\": \"A\"}"},
            {QStringLiteral("/api/v1/admin/users"),
             "{\"userId\": \"ok.id\", \"email\": \"a@-b.com\", \"displayName\": \"A\"}"},
            {QStringLiteral("/api/v1/admin/users"),
             "{\"userId\": \"ok.id\", \"email\": \".a@nhs.net\", \"displayName\": \"A\"}"},
            {QStringLiteral("/api/v1/admin/users"),
             "{\"userId\": \"ok.id\", \"email\": \"a@nhs.net\", \"displayName\": \"A\\u0007\"}"},
            {QStringLiteral("/api/v1/admin/users"),
             "{\"userId\": \"ok.id\", \"email\": \"a@nhs.net\", \"displayName\": 12}"},
            {QStringLiteral("/dev/clock"), "{\"advanceSeconds\": -5}"},
            {QStringLiteral("/dev/clock"), "{\"advanceSeconds\": 1.5}"},
            {QStringLiteral("/dev/clock"), "{\"advanceSeconds\": \"60\"}"},
        };
        for (const auto &[path, body] : cases)
            QTest::addRow("%s %s", qPrintable(path), body.constData()) << path << body;
    }

    void malformedJsonAndWrongTypes()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        const Reply reply
            = m_client->send("POST", path.arg(m_token), body, StubProcess::adminKey());
        expectError(reply, 400, QStringLiteral("bad_request"));
    }

    void tooLongFieldIsRefused()
    {
        const Reply reply = m_client->post(QStringLiteral("/api/v1/sessions"),
                                           {{QStringLiteral("userId"), QString(300, u'a')},
                                            {QStringLiteral("password"), QStringLiteral("x")}});
        expectError(reply, 400, QStringLiteral("bad_request"));
    }

    void tenMegabyteBodyIs413()
    {
        const qsizetype size = 10 * 1024 * 1024;
        const auto [status, json] = raw("POST /api/v1/sessions HTTP/1.1\r\nHost: " + host()
                                            + "\r\n"
                                              "Content-Type: application/json\r\nContent-Length: "
                                            + QByteArray::number(size) + "\r\n\r\n",
                                        size);
        QCOMPARE(status, 413);
        QCOMPARE(json.value(QStringLiteral("error")).toString(),
                 QStringLiteral("payload_too_large"));
    }

    void hundredKilobyteHeaderIs400()
    {
        const auto [status, json] = raw("GET /api/v1/password-policy HTTP/1.1\r\nHost: " + host()
                                        + "\r\n"
                                          "X-Padding: "
                                        + QByteArray(100 * 1024, 'p') + "\r\n\r\n");
        QCOMPARE(status, 400);
        QCOMPARE(json.value(QStringLiteral("error")).toString(), QStringLiteral("bad_request"));
    }

    void garbageRequestLineIs400()
    {
        const auto [status, json] = raw("HELLO THERE\r\n\r\n");
        QCOMPARE(status, 400);
        QCOMPARE(json.value(QStringLiteral("error")).toString(), QStringLiteral("bad_request"));
    }

    void idleAndHalfSentConnectionsDoNotStarveOthers()
    {
        // A crowd of clients that connect and then say nothing, or stop half-way through
        // their headers (a slowloris), each hold a worker; the others still get served.
        std::vector<std::unique_ptr<QTcpSocket>> crowd;
        for (int i = 0; i < 120; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(m_stub.url({}).host(), quint16(m_stub.url({}).port()));
            QVERIFY(socket->waitForConnected(5000));
            if (i % 2 == 0) {
                socket->write("GET /api/v1/password-policy HTTP/1.1\r\nHost: test\r\nX-Slow: ");
                socket->waitForBytesWritten(1000);
            }
            crowd.push_back(std::move(socket));
        }
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/password-policy")).status, 200);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }

    void unknownPathsAre404()
    {
        for (const QString &path :
             {QStringLiteral("/"), QStringLiteral("/api/v2/password-policy"),
              QStringLiteral("/api/v1/registrations"), QStringLiteral("/api/v1/registrations/a/b"),
              QStringLiteral("/api/v1/admin/users/x/delete")}) {
            expectError(m_client->get(path), 404, QStringLiteral("not_found"));
        }
    }

    void wrongMethodsAre405()
    {
        const Reply deletePolicy
            = m_client->send("DELETE", QStringLiteral("/api/v1/password-policy"));
        expectError(deletePolicy, 405, QStringLiteral("method_not_allowed"));
        QCOMPARE(deletePolicy.header("Allow"), QByteArray("GET, HEAD"));
        expectError(m_client->get(QStringLiteral("/api/v1/sessions")), 405,
                    QStringLiteral("method_not_allowed"));
        expectError(m_client->send("PUT", QStringLiteral("/api/v1/me"), "{}"), 405,
                    QStringLiteral("method_not_allowed"));
        expectError(m_client->send("PATCH", QStringLiteral("/api/v1/admin/users"), "{}"), 405,
                    QStringLiteral("method_not_allowed"));
    }

    void invalidAndExpiredTokens()
    {
        const QString registration = QStringLiteral("/api/v1/registrations/");
        expectError(m_client->get(registration + QStringLiteral("short")), 404,
                    QStringLiteral("unknown_token"));
        expectError(m_client->get(registration + QString(43, u'A')), 404,
                    QStringLiteral("unknown_token"));
        expectError(m_client->get(QStringLiteral("/api/v1/password-resets/") + m_token), 404,
                    QStringLiteral("unknown_token"));
        expectError(m_client->post(registration + QString(43, u'A'),
                                   {{QStringLiteral("password"), QStringLiteral("Valid-Pass-99")}}),
                    404, QStringLiteral("unknown_token"));
        QCOMPARE(m_client->get(registration + m_token).status, 200);
        m_client->advanceClock(7 * 24 * 3600 + 1);
        expectError(m_client->get(registration + m_token), 410, QStringLiteral("token_expired"));
        expectError(m_client->post(registration + m_token,
                                   {{QStringLiteral("password"), QStringLiteral("Valid-Pass-99")}}),
                    410, QStringLiteral("token_expired"));
    }

    void devEndpointsExistOnlyInDevMode()
    {
        StubProcess production {{QStringLiteral("--idp")}};
        QVERIFY(production.start());
        StubClient client(production);
        expectError(client.get(QStringLiteral("/dev/outbox")), 404, QStringLiteral("not_found"));
        expectError(
            client.post(QStringLiteral("/dev/clock"), {{QStringLiteral("advanceSeconds"), 60}}),
            404, QStringLiteral("not_found"));
        expectError(client.post(QStringLiteral("/dev/idp/accounts"),
                                {{QStringLiteral("email"), QStringLiteral("a@nhs.net")},
                                 {QStringLiteral("name"), QStringLiteral("A")},
                                 {QStringLiteral("password"), QStringLiteral("Stand-in-1")}}),
                    404, QStringLiteral("not_found"));
        QVERIFY(production.stop());
    }

    void everyDocumentedPathExists()
    {
        QFile file(QStringLiteral(CQRS_OPENAPI_JSON));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject paths = QJsonDocument::fromJson(file.readAll())
                                      .object()
                                      .value(QStringLiteral("paths"))
                                      .toObject();
        QVERIFY(paths.size() >= 15);
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            QString concrete = path.key();
            concrete.replace(QStringLiteral("{token}"), QString(43, u'B'));
            concrete.replace(QStringLiteral("{userId}"), QStringLiteral("steady.user"));
            const QJsonObject operations = path.value().toObject();
            for (auto op = operations.begin(); op != operations.end(); ++op) {
                if (op.key() == QLatin1String("parameters"))
                    continue;
                const Reply reply = m_client->send(op.key().toUpper().toLatin1(), concrete, "{}",
                                                   StubProcess::adminKey());
                const QString what = op.key() + QLatin1Char(' ') + path.key();
                QVERIFY2(reply.status != 0 && reply.status != 405, qPrintable(what));
                QVERIFY2(!(reply.status == 404 && reply.error() == QLatin1String("not_found")),
                         qPrintable(what));
            }
        }
    }

    void serverStillUpAndNothingStored()
    {
        QVERIFY(m_stub.isRunning());
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/password-policy")).status, 200);
        // Only the OpenAPI walk's re-invitation may have happened; the users are as they were.
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/admin/users"), StubProcess::adminKey()).body,
                 m_usersBefore);
    }

    void cleanupTestCase() { QVERIFY(m_stub.stop()); }
};

QTEST_GUILESS_MAIN(TestStubBadInput)
#include "tst_stub_badinput.moc"
