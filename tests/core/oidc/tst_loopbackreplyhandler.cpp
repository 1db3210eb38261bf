#include "core/oidc/flow/LoopbackReplyHandler.h"

#include <QNetworkInterface>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

#include <memory>
#include <vector>

using namespace cqrs;

namespace {

bool canConnect(const QHostAddress &address, quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(address, port);
    return socket.waitForConnected(2000);
}

// Sends `request` as a browser would and returns everything the handler answers before it
// closes the connection (empty if it does not close it within the time).
QByteArray exchange(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    QByteArray answer;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::connected, &socket, [&] { socket.write(request); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { answer += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    QTimer::singleShot(5000, &loop, [&] {
        answer.clear();
        loop.quit();
    });
    socket.connectToHost(QHostAddress::LocalHost, port);
    loop.exec();
    return answer;
}

QByteArray get(const QByteArray &target)
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: test\r\n\r\n";
}

} // namespace

class TestLoopbackReplyHandler : public QObject
{
    Q_OBJECT

private slots:
    // RFC 8252 §8.3: the redirect listener must not be reachable from the network. Qt 6.4's
    // handler would listen on every interface.
    void listensOnTheIpv4LoopbackOnly()
    {
        LoopbackReplyHandler handler;
        QVERIFY(handler.listenOnLoopback());
        const quint16 port = handler.port();
        QVERIFY(port > 0);
        QCOMPARE(handler.callback(), QStringLiteral("http://127.0.0.1:%1/").arg(port));
        QVERIFY(canConnect(QHostAddress::LocalHost, port));
        QVERIFY(!canConnect(QHostAddress::LocalHostIPv6, port));

        int others = 0;
        for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
            if (address.isLoopback() || address.isLinkLocal())
                continue;
            ++others;
            QVERIFY2(!canConnect(address, port), qPrintable(address.toString()));
        }
        if (others == 0)
            qInfo("no non-loopback address on this machine: checked ::1 only");
    }

    void passesTheRedirectOnAndTellsThePersonToCloseTheTab()
    {
        LoopbackReplyHandler handler;
        QVERIFY(handler.listenOnLoopback());
        QSignalSpy callbacks(&handler, &LoopbackReplyHandler::callbackReceived);
        connect(&handler, &LoopbackReplyHandler::callbackReceived, &handler,
                [&handler] { handler.answerBrowserWith(LoopbackReplyHandler::Page::Received); });
        const QByteArray answer = exchange(handler.port(), get("/?code=abc&state=xyz"));
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
        QVERIFY(answer.contains("close this tab"));
        // The address carries the code: the page must not pass it on.
        QVERIFY(answer.contains("Referrer-Policy: no-referrer\r\n"));
        QCOMPARE(callbacks.size(), 1);
        const QVariantMap values = callbacks.at(0).at(0).toMap();
        QCOMPARE(values.value(QStringLiteral("code")).toString(), QStringLiteral("abc"));
        QCOMPARE(values.value(QStringLiteral("state")).toString(), QStringLiteral("xyz"));
    }

    void passesOnlyGetRequestsForItsOwnPath_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        QTest::newRow("other path") << get("/favicon.ico") << QByteArray("404");
        QTest::newRow("POST") << QByteArray("POST /?code=a&state=b HTTP/1.1\r\n\r\n")
                              << QByteArray("405");
        QTest::newRow("absolute form")
            << get("http://evil.example/?code=a&state=b") << QByteArray("400");
        QTest::newRow("no version")
            << QByteArray("GET /?code=a&state=b\r\n\r\n") << QByteArray("400");
    }

    void passesOnlyGetRequestsForItsOwnPath()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        LoopbackReplyHandler handler;
        QVERIFY(handler.listenOnLoopback());
        QSignalSpy callbacks(&handler, &LoopbackReplyHandler::callbackReceived);
        const QByteArray answer = exchange(handler.port(), request);
        QVERIFY2(answer.startsWith("HTTP/1.1 " + status), answer.constData());
        QCOMPARE(callbacks.size(), 0);
    }

    // Any local program can connect: an endless request line must neither grow the app's memory
    // nor keep the port from the browser.
    void refusesAnOverlongRequestAndStillServesTheBrowser()
    {
        LoopbackReplyHandler handler;
        QVERIFY(handler.listenOnLoopback());
        QSignalSpy callbacks(&handler, &LoopbackReplyHandler::callbackReceived);
        const QByteArray endless = "GET /?state=" + QByteArray(1024 * 1024, 'A');
        const QByteArray answer = exchange(handler.port(), endless);
        QVERIFY2(answer.startsWith("HTTP/1.1 431 "), answer.left(200).constData());
        QCOMPARE(callbacks.size(), 0);
        QVERIFY(exchange(handler.port(), get("/?code=abc&state=xyz")).startsWith("HTTP/1.1 200"));
        QCOMPARE(callbacks.size(), 1);
    }

    void idleConnectionsCannotKeepTheBrowserOut()
    {
        LoopbackReplyHandler handler;
        QVERIFY(handler.listenOnLoopback());
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 3 * LoopbackListener::MaxConnections; ++i) {
            idle.push_back(std::make_unique<QTcpSocket>());
            idle.back()->connectToHost(QHostAddress::LocalHost, handler.port());
            QVERIFY(idle.back()->waitForConnected(2000));
            idle.back()->write("GET /?sta");
        }
        QSignalSpy callbacks(&handler, &LoopbackReplyHandler::callbackReceived);
        QVERIFY(exchange(handler.port(), get("/?code=abc&state=xyz")).startsWith("HTTP/1.1 200"));
        QCOMPARE(callbacks.size(), 1);
    }

    // After a Cancel in the app the person may still finish in the browser: the tab says what
    // happened, instead of "Unable to connect", and the answer goes nowhere.
    void answersALateRedirectWithoutPassingItOn()
    {
        LoopbackReplyHandler handler;
        QVERIFY(handler.listenOnLoopback());
        QSignalSpy callbacks(&handler, &LoopbackReplyHandler::callbackReceived);
        handler.stopWaiting(LoopbackReplyHandler::Page::Cancelled);
        const QByteArray answer = exchange(handler.port(), get("/?code=abc&state=xyz"));
        QVERIFY2(answer.startsWith("HTTP/1.1 200 OK"), answer.constData());
        QVERIFY(answer.contains("was cancelled"));
        QCOMPARE(callbacks.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLoopbackReplyHandler)
#include "tst_loopbackreplyhandler.moc"
