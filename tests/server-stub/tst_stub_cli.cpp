#include "tests/support/SelfSignedCertificate.h"
#include "tests/support/StubClient.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

// The command line (docs/design.md §5) and durability: a user the server confirmed survives a
// SIGKILL, and the file stays consistent.
class TestStubCli : public QObject
{
    Q_OBJECT

private:
    static QString appLinkToken(const QString &output)
    {
        static const QRegularExpression line(
            QStringLiteral("^cqrs://register\\?token=([A-Za-z0-9_-]{43})$"),
            QRegularExpression::MultilineOption);
        return line.match(output).captured(1);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!StubProcess::binary().isEmpty(), "CQRS_SERVER_STUB is not set");
    }

    void wrongCommandLinesExitWithTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList {};
        QTest::newRow("unknown command") << QStringList {QStringLiteral("launch")};
        QTest::newRow("unknown user verb")
            << QStringList {QStringLiteral("user"), QStringLiteral("delete")};
        QTest::newRow("no database") << QStringList {QStringLiteral("serve")};
        QTest::newRow("unknown option")
            << QStringList {QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--db"),
                            QStringLiteral("x"), QStringLiteral("--colour")};
        QTest::newRow("missing value")
            << QStringList {QStringLiteral("demo"), QStringLiteral("--db")};
        QTest::newRow("bad number")
            << QStringList {QStringLiteral("serve"), QStringLiteral("--db=x"),
                            QStringLiteral("--lockout-failures=0")};
        QTest::newRow("bad listen") << QStringList {
            QStringLiteral("serve"), QStringLiteral("--db=x"), QStringLiteral("--listen=nowhere")};
        QTest::newRow("trusted issuer without audience")
            << QStringList {QStringLiteral("serve"), QStringLiteral("--db=x"),
                            QStringLiteral("--trust-issuer=https://login.example/tenant/v2.0")};
        QTest::newRow("trusted audience without issuer")
            << QStringList {QStringLiteral("serve"), QStringLiteral("--db=x"),
                            QStringLiteral("--trust-audience=cqrs-desktop")};
        QTest::newRow("certificate without key")
            << QStringList {QStringLiteral("serve"), QStringLiteral("--db=x"),
                            QStringLiteral("--tls-cert=cert.pem")};
        QTest::newRow("key without certificate") << QStringList {
            QStringLiteral("serve"), QStringLiteral("--db=x"), QStringLiteral("--tls-key=key.pem")};
        QTest::newRow("unknown idp verb")
            << QStringList {QStringLiteral("idp"), QStringLiteral("remove-account")};
        QTest::newRow("idp account without email")
            << QStringList {QStringLiteral("idp"), QStringLiteral("add-account"),
                            QStringLiteral("--db=x"), QStringLiteral("--name=A B")};
    }

    void wrongCommandLinesExitWithTwo()
    {
        QFETCH(QStringList, arguments);
        StubProcess stub;
        QString err;
        QString out;
        QCOMPARE(stub.runCommand(arguments, &out, &err), 2);
        QVERIFY(err.contains(QStringLiteral("usage:")) || !err.trimmed().isEmpty());
        QVERIFY2(out.isEmpty(), qPrintable(out));
    }

    // A SIGTERM right after "listening on" once arrived before the server was marked running,
    // which cpp-httplib ignores: the stub then served for ever. Each round stops at once.
    void stopsWhenSignalledRightAfterStarting()
    {
        for (int round = 0; round < 20; ++round) {
            StubProcess stub;
            QVERIFY(stub.start());
            QVERIFY2(stub.stop(), qPrintable(QStringLiteral("round %1").arg(round)));
        }
    }

    void refusesAPortAlreadyInUse()
    {
        StubProcess first;
        QVERIFY(first.start());
        const QString taken = QStringLiteral("127.0.0.1:%1").arg(first.url().port());
        QTemporaryDir dir;
        QString err;
        QCOMPARE(StubProcess().runCommand({QStringLiteral("serve"), QStringLiteral("--db"),
                                           dir.filePath(QStringLiteral("second.sqlite")),
                                           QStringLiteral("--listen"), taken},
                                          nullptr, &err),
                 1);
        QVERIFY2(err.contains(QStringLiteral("cannot listen on")), qPrintable(err));
    }

    void keepsItsFilesToItsUser()
    {
        // Even for someone whose umask lets everyone read new files.
        const mode_t before = umask(S_IWGRP | S_IWOTH);
        StubProcess stub;
        const bool started = stub.start();
        umask(before);
        QVERIFY(started);
        StubClient client(stub);
        QVERIFY(!client.createUser(QStringLiteral("private.files")).isEmpty());
        QStringList files {stub.databasePath()};
        for (const QFileInfo &mail : QDir(stub.outboxPath()).entryInfoList(QDir::Files))
            files.append(mail.filePath());
        QVERIFY(files.size() > 1);
        for (const QString &path : files) {
            const QFile::Permissions others
                = QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther;
            QVERIFY2(!(QFileInfo(path).permissions() & others), qPrintable(path));
        }
    }

    void helpPrintsUsage()
    {
        QString out;
        QCOMPARE(StubProcess().runCommand({QStringLiteral("--help")}, &out), 0);
        QVERIFY(out.contains(QStringLiteral("cqrs-server-stub serve --db FILE")));
    }

    void standInAccountsFromTheCommandLine()
    {
        StubProcess stub;
        const QStringList add {QStringLiteral("idp"),
                               QStringLiteral("add-account"),
                               QStringLiteral("--db"),
                               stub.databasePath(),
                               QStringLiteral("--email=jane.doe@nhs.net"),
                               QStringLiteral("--name=Jane Doe"),
                               QStringLiteral("--password=Stand-in-Pass-1")};
        QString out;
        QCOMPARE(stub.runCommand(add, &out), 0);
        QVERIFY2(out.contains(QStringLiteral("jane.doe@nhs.net")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("Stand-in-Pass-1")), "a password was echoed");
        QString err;
        QCOMPARE(stub.runCommand(add, nullptr, &err), 1);
        QVERIFY2(err.contains(QStringLiteral("already")), qPrintable(err));
    }

    void usersFromTheCommandLine()
    {
        StubProcess stub;
        const QStringList db {QStringLiteral("--db"), stub.databasePath(),
                              QStringLiteral("--outbox"), stub.outboxPath()};
        QString out;
        QString err;
        QCOMPARE(stub.runCommand(QStringList {QStringLiteral("user"), QStringLiteral("add"),
                                              QStringLiteral("--user-id"),
                                              QStringLiteral("cli.user"), QStringLiteral("--email"),
                                              QStringLiteral("cli.user@nhs.net"),
                                              QStringLiteral("--name"), QStringLiteral("Cli Üser"),
                                              QStringLiteral("--organisation=A81001")}
                                     + db,
                                 &out, &err),
                 0);
        const QString firstToken = appLinkToken(out);
        QVERIFY2(!firstToken.isEmpty(), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("web link: http://127.0.0.1:8080/register?token=")
                             + firstToken));

        // The invitation is an RFC 5322 message in the outbox.
        const QStringList files = QDir(stub.outboxPath()).entryList({QStringLiteral("*.eml")});
        QCOMPARE(files.size(), 1);
        QFile eml(QDir(stub.outboxPath()).filePath(files.first()));
        QVERIFY(eml.open(QIODevice::ReadOnly));
        const QByteArray message = eml.readAll();
        for (const char *header :
             {"From: ", "To: cli.user@nhs.net\r\n", "Subject: ", "Date: ", "Message-ID: <",
              "MIME-Version: 1.0\r\n", "Content-Type: text/plain; charset=utf-8\r\n"})
            QVERIFY2(message.contains(header), header);
        QVERIFY(message.contains("\r\n\r\n"));
        QVERIFY(message.contains("Dear Cli \xc3\x9cser"));

        QCOMPARE(
            stub.runCommand(QStringList {QStringLiteral("user"), QStringLiteral("add"),
                                         QStringLiteral("--user-id"), QStringLiteral("CLI.USER"),
                                         QStringLiteral("--email"), QStringLiteral("x@nhs.net"),
                                         QStringLiteral("--name"), QStringLiteral("Again")}
                            + db),
            1);
        QCOMPARE(
            stub.runCommand(QStringList {QStringLiteral("user"), QStringLiteral("add"),
                                         QStringLiteral("--user-id"), QStringLiteral("other"),
                                         QStringLiteral("--email"), QStringLiteral("no-at-sign"),
                                         QStringLiteral("--name"), QStringLiteral("Other")}
                            + db),
            2);

        QCOMPARE(stub.runCommand(QStringList {QStringLiteral("user"), QStringLiteral("list")}
                                     + db.mid(0, 2),
                                 &out),
                 0);
        QVERIFY(
            out.contains(QStringLiteral("cli.user\tCli Üser\tcli.user@nhs.net\tA81001\t\tno\tno")));

        QCOMPARE(
            stub.runCommand(QStringList {QStringLiteral("user"), QStringLiteral("invite"),
                                         QStringLiteral("--user-id"), QStringLiteral("cli.user")}
                                + db,
                            &out),
            0);
        const QString secondToken = appLinkToken(out);
        QVERIFY(!secondToken.isEmpty() && secondToken != firstToken);
        QCOMPARE(stub.runCommand(QStringList {QStringLiteral("user"), QStringLiteral("invite"),
                                              QStringLiteral("--user-id"), QStringLiteral("nobody")}
                                 + db),
                 1);

        // The server sees what the command line did: the older link is void.
        QVERIFY(stub.start());
        StubClient client(stub);
        QCOMPARE(client.get(QStringLiteral("/api/v1/registrations/") + firstToken).error(),
                 QStringLiteral("token_expired"));
        QCOMPARE(client.registerPassword(secondToken, QStringLiteral("Maple-Window-35")), 201);

        // Locked through the server, unlocked from the command line while it runs.
        for (int i = 0; i < 5; ++i)
            client.signIn(QStringLiteral("cli.user"), QStringLiteral("Wrong-Pass-11"));
        Reply locked;
        client.signIn(QStringLiteral("cli.user"), QStringLiteral("Maple-Window-35"), &locked);
        QCOMPARE(locked.status, 423);
        QCOMPARE(stub.runCommand({QStringLiteral("user"), QStringLiteral("unlock"),
                                  QStringLiteral("--db"), stub.databasePath(),
                                  QStringLiteral("--user-id"), QStringLiteral("cli.user")}),
                 0);
        QVERIFY(!client.signIn(QStringLiteral("cli.user"), QStringLiteral("Maple-Window-35"))
                     .isEmpty());
        QVERIFY(stub.stop());
    }

    void demoPrintsAWorkingLinkEachTime()
    {
        StubProcess stub;
        const QStringList demo {QStringLiteral("demo"), QStringLiteral("--db"), stub.databasePath(),
                                QStringLiteral("--outbox"), stub.outboxPath()};
        QString out;
        QCOMPARE(stub.runCommand(demo, &out), 0);
        const QString first = appLinkToken(out);
        QVERIFY2(!first.isEmpty(), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("demo.user")));
        QCOMPARE(stub.runCommand(demo, &out), 0);
        const QString second = appLinkToken(out);
        QVERIFY(!second.isEmpty() && second != first);

        QVERIFY(stub.start());
        StubClient client(stub);
        const Reply who = client.get(QStringLiteral("/api/v1/registrations/") + second);
        QCOMPARE(who.status, 200);
        QCOMPARE(who.json().value(QStringLiteral("email")).toString(),
                 QStringLiteral("demo.user@nhs.net"));
        QCOMPARE(client.get(QStringLiteral("/api/v1/registrations/") + first).status, 410);
        QVERIFY(stub.stop());
    }

    void servesHttpsWithTheGivenCertificate()
    {
        QTemporaryDir dir;
        SelfSignedCertificate files;
        if (!files.make(dir.path()))
            QSKIP("the openssl command is not available to make a test certificate");
        const QString &cert = files.certificate;
        const QString &key = files.key;

        StubProcess stub({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
        QVERIFY(stub.start());
        QCOMPARE(stub.url({}).scheme(), QStringLiteral("https"));
        QNetworkAccessManager network;
        // The certificate is self-signed: trust exactly this one.
        QNetworkRequest request(stub.url(QStringLiteral("/api/v1/password-policy")));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(cert));
        request.setSslConfiguration(tls);
        QNetworkReply *reply = network.get(request);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 15000);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QVERIFY(QJsonDocument::fromJson(reply->readAll())
                    .object()
                    .contains(QStringLiteral("minLength")));
        delete reply;
        QVERIFY(stub.stop());

        // One half of the pair is a wrong command line, refused with a reason.
        QString err;
        QCOMPARE(stub.runCommand({QStringLiteral("serve"), QStringLiteral("--db"),
                                  stub.databasePath(), QStringLiteral("--tls-cert"), cert},
                                 nullptr, &err),
                 2);
        QVERIFY(err.contains(QStringLiteral("--tls-key")));
    }

    void killedMidLoadLosesNoConfirmedUser()
    {
        StubProcess stub;
        QVERIFY(stub.start());
        QNetworkAccessManager network;
        QSet<QString> confirmed;
        int finished = 0;
        constexpr int Total = 60;
        for (int i = 0; i < Total; ++i) {
            const QString userId = QStringLiteral("load.user%1").arg(i);
            QNetworkRequest request(stub.url(QStringLiteral("/api/v1/admin/users")));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
            request.setRawHeader("Authorization", "Bearer " + StubProcess::adminKey().toUtf8());
            QNetworkReply *reply
                = network.post(request,
                               QJsonDocument(QJsonObject {{QStringLiteral("userId"), userId},
                                                          {QStringLiteral("email"),
                                                           userId + QStringLiteral("@nhs.net")},
                                                          {QStringLiteral("displayName"), userId}})
                                   .toJson());
            connect(reply, &QNetworkReply::finished, this, [reply, userId, &confirmed, &finished] {
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                    confirmed.insert(userId);
                ++finished;
                reply->deleteLater();
            });
        }
        // Kill while requests are still in flight.
        QTRY_VERIFY_WITH_TIMEOUT(confirmed.size() >= 10, 20000);
        stub.kill();
        QTRY_COMPARE_WITH_TIMEOUT(finished, Total, 20000);
        QVERIFY(confirmed.size() < Total);

        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            db.setDatabaseName(stub.databasePath());
            QVERIFY(db.open());
            QSqlQuery integrity(db);
            QVERIFY(integrity.exec(QStringLiteral("PRAGMA integrity_check")) && integrity.next());
            QCOMPARE(integrity.value(0).toString(), QStringLiteral("ok"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));

        QVERIFY(stub.start());
        StubClient client(stub);
        QSet<QString> stored;
        const QJsonArray users
            = client.get(QStringLiteral("/api/v1/admin/users"), StubProcess::adminKey())
                  .json()
                  .value(QStringLiteral("users"))
                  .toArray();
        for (const auto &user : users)
            stored.insert(user.toObject().value(QStringLiteral("userId")).toString());
        QVERIFY2(stored.contains(confirmed),
                 qPrintable(QStringLiteral("%1 confirmed, %2 stored")
                                .arg(confirmed.size())
                                .arg(stored.size())));
        // Every stored user's invitation email was written before the user was committed.
        QSet<QString> invited;
        for (const auto &email : client.get(QStringLiteral("/dev/outbox")).array())
            invited.insert(email.toObject().value(QStringLiteral("to")).toString());
        for (const QString &userId : std::as_const(stored))
            QVERIFY2(invited.contains(userId + QStringLiteral("@nhs.net")), qPrintable(userId));
        QVERIFY(stub.stop());
    }
};

QTEST_GUILESS_MAIN(TestStubCli)
#include "tst_stub_cli.moc"
