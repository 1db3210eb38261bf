#include "core/oidc/flow/LoopbackReplyHandler.h"

#include <QNetworkInterface>
#include <QTcpSocket>
#include <QtTest>

using namespace cqrs;

namespace {

bool canConnect(const QHostAddress &address, quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(address, port);
    return socket.waitForConnected(2000);
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

    void callbackPageTellsThePersonToCloseTheTab()
    {
        LoopbackReplyHandler handler;
        QVERIFY(handler.callbackText().contains(QStringLiteral("close this tab")));
    }
};

QTEST_GUILESS_MAIN(TestLoopbackReplyHandler)
#include "tst_loopbackreplyhandler.moc"
