#include "core/api/ApiClient.h"
#include "core/crypto/SecretToken.h"
#include "tests/support/ApiOutcome.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace cqrs;
using cqrs::test::Captured;

namespace {

// A loopback HTTP/1.1 server that answers every request with one scripted raw response (or
// never answers), so the client meets real sockets behaving badly. It records what came in.
class ScriptedServer : public QTcpServer
{
public:
    QByteArray response; // empty: accept and stay silent
    QByteArray lastRequest;

    ScriptedServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    lastRequest += socket->readAll();
                    if (!lastRequest.contains("\r\n\r\n") || response.isEmpty())
                        return;
                    socket->write(response);
                    socket->disconnectFromHost();
                });
            }
        });
        listen(QHostAddress::LocalHost);
    }

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(serverPort())); }

    void answer(int status, const QByteArray &body, const QByteArray &extraHeaders = {})
    {
        response = "HTTP/1.1 " + QByteArray::number(status)
            + " X\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body;
    }
};

RegistrationLink someLink()
{
    return *RegistrationLink::parse(QStringLiteral("cqrs://register?token=")
                                    + SecretToken::generate());
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private slots:
    void parsesRegistrationDetails();
    void sendsPasswordAsJsonToTheLinkPath();
    void resetLinksUseTheResetPath();
    void policyRefusalCarriesViolationsAndNextChange();
    void lockedCarriesRetryAfter();
    void aShortWaitIsSaidAsAMoment();
    void garbageIsABadResponse_data();
    void garbageIsABadResponse();
    void silentServerTimesOut();
    void closedPortIsUnreachable();
    void cancelFinishesOnceAsCancelled();
    void sessionTokenIsSentAndForgotten();
    void expiredSessionEndsIt();
    void handlerSkippedWhenReceiverIsGone();
};

void TestApiClient::parsesRegistrationDetails()
{
    ScriptedServer server;
    server.answer(200, R"({"userId":"jsmith01","displayName":"Jane Smith","email":"j@nhs.net"})");
    ApiClient client(server.url());
    Captured<RegistrationDetails> got;
    client.fetchLinkDetails(someLink(), this, got.handler());
    QTRY_COMPARE(got.calls, 1);
    QVERIFY(got.result.ok());
    QCOMPARE(got.result.value->userId, QStringLiteral("jsmith01"));
    QCOMPARE(got.result.value->displayName, QStringLiteral("Jane Smith"));
    QVERIFY(server.lastRequest.startsWith("GET /api/v1/registrations/"));
}

void TestApiClient::sendsPasswordAsJsonToTheLinkPath()
{
    ScriptedServer server;
    server.answer(201, R"({"userId":"jsmith01"})");
    ApiClient client(server.url());
    const RegistrationLink link = someLink();
    Captured<Done> got;
    client.setPasswordFromLink(link, QStringLiteral("Pässword 1"), this, got.handler());
    QTRY_COMPARE(got.calls, 1);
    QVERIFY(got.result.ok());
    QVERIFY(server.lastRequest.startsWith("POST /api/v1/registrations/" + link.token().toLatin1()
                                          + " HTTP/1.1"));
    QVERIFY(server.lastRequest.contains("application/json"));
    QTRY_VERIFY(server.lastRequest.contains(R"({"password":"Pässword 1"})"));
}

void TestApiClient::resetLinksUseTheResetPath()
{
    ScriptedServer server;
    server.answer(200, R"({"userId":"jsmith01","displayName":"Jane Smith"})");
    ApiClient client(server.url());
    Captured<RegistrationDetails> got;
    client.fetchLinkDetails(
        *RegistrationLink::parse(QStringLiteral("cqrs://reset?token=") + SecretToken::generate()),
        this, got.handler());
    QTRY_COMPARE(got.calls, 1);
    QVERIFY(server.lastRequest.startsWith("GET /api/v1/password-resets/"));
}

void TestApiClient::policyRefusalCarriesViolationsAndNextChange()
{
    ScriptedServer server;
    server.answer(
        422,
        R"({"error":"password_policy","message":"No.","violations":["history","min-age"],)"
        R"("nextChangeAllowedAt":"2026-11-27T09:30:00Z"})");
    ApiClient client(server.url());
    Captured<Done> got;
    client.changePassword(QStringLiteral("a"), QStringLiteral("b"), this, got.handler());
    QTRY_COMPARE(got.calls, 1);
    QVERIFY(!got.result.ok());
    QCOMPARE(got.result.error.kind, ApiError::Kind::Refused);
    QVERIFY(got.result.error.is(u"password_policy"));
    QCOMPARE(got.result.error.violations,
             QStringList({QStringLiteral("history"), QStringLiteral("min-age")}));
    QCOMPARE(got.result.error.nextChangeAllowedAt,
             QDateTime(QDate(2026, 11, 27), QTime(9, 30), Qt::UTC));
}

void TestApiClient::lockedCarriesRetryAfter()
{
    ScriptedServer server;
    server.answer(423, R"({"error":"account_locked","message":"Locked.","retryAfterSeconds":840})");
    ApiClient client(server.url());
    Captured<UserProfile> got;
    client.signIn(QStringLiteral("u"), QStringLiteral("p"), this, got.handler());
    QTRY_COMPARE(got.calls, 1);
    QVERIFY(got.result.error.is(u"account_locked"));
    QCOMPARE(got.result.error.retryAfterSeconds, std::optional<int>(840));
    QVERIFY(!client.hasSession());
}

void TestApiClient::aShortWaitIsSaidAsAMoment()
{
    // The stub's answer to a sign-in sent while others for the same User ID are checked.
    ScriptedServer server;
    server.answer(429, R"({"error":"too_many_requests","message":"Busy.","retryAfterSeconds":1})",
                  "Retry-After: 1\r\n");
    ApiClient client(server.url());
    Captured<UserProfile> got;
    client.signIn(QStringLiteral("u"), QStringLiteral("p"), this, got.handler());
    QTRY_COMPARE(got.calls, 1);
    QVERIFY2(got.result.error.userMessage().contains(QStringLiteral("Wait a moment")),
             qPrintable(got.result.error.userMessage()));
}

void TestApiClient::garbageIsABadResponse_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<ApiError::Kind>("kind");
    constexpr auto bad = ApiError::Kind::BadResponse;
    auto http = [](int status, const QByteArray &body, const QByteArray &headers = {}) {
        return "HTTP/1.1 " + QByteArray::number(status)
            + " X\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\nConnection: close\r\n" + headers + "\r\n" + body;
    };
    QTest::newRow("HTML page") << http(200, "<html>Proxy login</html>") << bad;
    QTest::newRow("JSON array") << http(200, "[1,2,3]") << bad;
    QTest::newRow("missing fields") << http(200, R"({"userId":"x"})") << bad;
    QTest::newRow("wrong types") << http(200, R"({"userId":5,"displayName":true})") << bad;
    QTest::newRow("truncated JSON") << http(200, R"({"userId":"x","displayName":"Y)") << bad;
    // A gateway's own page means the server behind it is away, not that it answered nonsense.
    QTest::newRow("502 from a gateway") << http(502, "Bad Gateway") << ApiError::Kind::Unreachable;
    QTest::newRow("500 page") << http(500, "<html>Oops</html>") << ApiError::Kind::ServerFault;
    QTest::newRow("500 with an API error")
        << http(500, R"({"error":"internal","message":"<b>Database</b> on fire"})")
        << ApiError::Kind::ServerFault;
    QTest::newRow("503 with an API error")
        << http(503, R"({"error":"maintenance","message":"Back soon"})")
        << ApiError::Kind::Unreachable;
    QTest::newRow("redirect elsewhere")
        << http(302, "", "Location: https://evil.example/api/v1/registrations/x\r\n") << bad;
    // Qt sees only a closed connection here, the same as a server that went away.
    QTest::newRow("not HTTP at all")
        << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n") << ApiError::Kind::Unreachable;
    QTest::newRow("two megabytes")
        << http(200, "{\"userId\":\"" + QByteArray(2 * 1024 * 1024, 'a') + "\"}") << bad;
}

void TestApiClient::garbageIsABadResponse()
{
    QFETCH(QByteArray, raw);
    QFETCH(ApiError::Kind, kind);
    ScriptedServer server;
    server.response = raw;
    ApiClient client(server.url());
    client.setRetryDelays({}); // an answer that means "away" is reported, not waited out
    Captured<RegistrationDetails> got;
    client.fetchLinkDetails(someLink(), this, got.handler());
    QTRY_COMPARE(got.calls, 1);
    QVERIFY(!got.result.ok());
    QCOMPARE(got.result.error.kind, kind);
    QVERIFY(!got.result.error.userMessage().isEmpty());
    // Only API v1's refusals may speak in the server's words.
    QVERIFY2(!got.result.error.userMessage().contains(QStringLiteral("Database")),
             qPrintable(got.result.error.userMessage()));
}

void TestApiClient::silentServerTimesOut()
{
    ScriptedServer server; // accepts, never answers
    ApiClient client(server.url());
    client.setTimeout(std::chrono::milliseconds(300));
    Captured<PasswordPolicy> got;
    QElapsedTimer clock;
    clock.start();
    client.fetchPasswordPolicy(this, got.handler());
    QTRY_COMPARE(got.calls, 1);
    QCOMPARE(got.result.error.kind, ApiError::Kind::Timeout);
    QVERIFY(clock.elapsed() < 3000);
    QVERIFY(got.result.error.userMessage().contains(QStringLiteral("too long")));
}

void TestApiClient::closedPortIsUnreachable()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost);
        port = probe.serverPort();
    }
    ApiClient client(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)));
    client.setRetryDelays({}); // tst_flaky covers the retries
    Captured<PasswordPolicy> got;
    client.fetchPasswordPolicy(this, got.handler());
    QTRY_COMPARE(got.calls, 1);
    QCOMPARE(got.result.error.kind, ApiError::Kind::Unreachable);
}

void TestApiClient::cancelFinishesOnceAsCancelled()
{
    ScriptedServer server;
    ApiClient client(server.url());
    Captured<PasswordPolicy> got;
    ApiCall *call = client.fetchPasswordPolicy(this, got.handler());
    QTRY_VERIFY(!server.lastRequest.isEmpty());
    call->cancel();
    QTRY_COMPARE(got.calls, 1);
    QCOMPARE(got.result.error.kind, ApiError::Kind::Cancelled);
    QTest::qWait(100);
    QCOMPARE(got.calls, 1);
}

void TestApiClient::sessionTokenIsSentAndForgotten()
{
    ScriptedServer server;
    server.answer(201,
                  R"({"sessionToken":"tok123","expiresAt":"2026-11-25T00:00:00Z",)"
                  R"("user":{"userId":"jsmith01","displayName":"Jane Smith","role":"GP"}})");
    ApiClient client(server.url());
    Captured<UserProfile> signedIn;
    client.signIn(QStringLiteral("jsmith01"), QStringLiteral("pw"), this, signedIn.handler());
    QTRY_COMPARE(signedIn.calls, 1);
    QVERIFY(signedIn.result.ok());
    QCOMPARE(signedIn.result.value->role, QStringLiteral("GP"));
    QVERIFY(client.hasSession());

    server.lastRequest.clear();
    server.answer(204, "");
    Captured<Done> out;
    client.signOut(this, out.handler());
    QVERIFY(!client.hasSession());
    QTRY_COMPARE(out.calls, 1);
    QVERIFY(server.lastRequest.startsWith("DELETE /api/v1/sessions/current"));
    QVERIFY(server.lastRequest.contains("Authorization: Bearer tok123"));
}

void TestApiClient::expiredSessionEndsIt()
{
    ScriptedServer server;
    server.answer(201, R"({"sessionToken":"tok","user":{"userId":"u","displayName":"U"}})");
    ApiClient client(server.url());
    Captured<UserProfile> signedIn;
    client.signIn(QStringLiteral("u"), QStringLiteral("p"), this, signedIn.handler());
    QTRY_VERIFY(client.hasSession());

    QSignalSpy ended(&client, &ApiClient::sessionEnded);
    server.answer(401, R"({"error":"invalid_credentials","message":"Wrong."})");
    Captured<Done> wrongCurrent;
    client.changePassword(QStringLiteral("x"), QStringLiteral("y"), this, wrongCurrent.handler());
    QTRY_COMPARE(wrongCurrent.calls, 1);
    QCOMPARE(ended.size(), 0); // a wrong current password does not end the session
    QVERIFY(client.hasSession());

    server.answer(401, R"({"error":"unauthorized","message":"Expired."})");
    Captured<UserProfile> me;
    client.fetchCurrentUser(this, me.handler());
    QTRY_COMPARE(me.calls, 1);
    QCOMPARE(ended.size(), 1);
    QVERIFY(!client.hasSession());
}

void TestApiClient::handlerSkippedWhenReceiverIsGone()
{
    ScriptedServer server;
    server.answer(200, R"({"minLength":8})");
    ApiClient client(server.url());
    int calls = 0;
    auto receiver = std::make_unique<QObject>();
    client.fetchPasswordPolicy(receiver.get(), [&calls](const auto &) { ++calls; });
    receiver.reset();
    QTRY_VERIFY(!server.lastRequest.isEmpty());
    QTest::qWait(200);
    QCOMPARE(calls, 0);
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
