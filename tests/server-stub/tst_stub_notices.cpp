#include "tests/support/StubClient.h"

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QTest>

// The emails a person gets (docs/passwords.md): the invitation and the notices sent when their
// password is changed or reset and when their account is locked, each read back from the
// outbox by Python's own MIME parser as a real mail client would.
class TestStubNotices : public QObject
{
    Q_OBJECT

private:
    StubProcess m_stub;
    std::unique_ptr<StubClient> m_client;

    // The newest .eml in the outbox, parsed by tests/server-stub/parse_eml.py.
    QJsonObject newestEmail()
    {
        m_client->get(QStringLiteral("/dev/outbox")); // waits until queued mail is written
        const QDir outbox(m_stub.outboxPath());
        const QStringList files
            = outbox.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name);
        if (files.isEmpty())
            return {};
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(CQRS_PARSE_EML), outbox.filePath(files.last())});
        python.waitForFinished(30000);
        const QByteArray out = python.readAllStandardOutput();
        if (python.exitCode() != 0)
            qWarning("parse_eml.py: %s", python.readAllStandardError().constData());
        return QJsonDocument::fromJson(out).object();
    }

    // Valid MIME with a plain-text and an accessible HTML alternative, both saying the same,
    // both ending with the service desk's contacts.
    static void checkWellFormed(const QJsonObject &email, const QString &heading)
    {
        QCOMPARE(email.value(QStringLiteral("defects")).toArray(), QJsonArray {});
        QCOMPARE(email.value(QStringLiteral("contentType")).toString(),
                 QStringLiteral("multipart/alternative"));
        QCOMPARE(email.value(QStringLiteral("parts")).toArray(),
                 (QJsonArray {QStringLiteral("text/plain"), QStringLiteral("text/html")}));
        const QString plain = email.value(QStringLiteral("plain")).toString();
        const QString html = email.value(QStringLiteral("html")).toString();
        QVERIFY2(plain.startsWith(heading), qPrintable(plain));
        QVERIFY2(html.contains(QStringLiteral("<h1 style=\"font-size:24px;margin:0 0 16px;\">")
                               + heading + QStringLiteral("</h1>")),
                 qPrintable(html));
        QVERIFY(html.contains(QStringLiteral("<html lang=\"en-GB\">")));
        for (const QString &text : {plain, html}) {
            QVERIFY(text.contains(QStringLiteral("Need help?")));
            QVERIFY(text.contains(QStringLiteral("support@cqrs.co.uk")));
            QVERIFY(text.contains(QStringLiteral("0330 124 4039")));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!StubProcess::binary().isEmpty(), "CQRS_SERVER_STUB is not set");
        QVERIFY(m_stub.start());
        m_client = std::make_unique<StubClient>(m_stub);
    }

    void invitationHasAButtonLikeLink()
    {
        const QString token = m_client->createUser(QStringLiteral("notified"));
        QVERIFY(!token.isEmpty());
        const QJsonObject email = newestEmail();
        checkWellFormed(email, QStringLiteral("Finish registering for CQRS National"));
        const QString web = m_stub.url(QStringLiteral("/register?token=") + token).toString();
        QVERIFY(email.value(QStringLiteral("html"))
                    .toString()
                    .contains(QStringLiteral("<a href=\"") + web.toHtmlEscaped()
                              + QStringLiteral("\"")));
        QVERIFY(email.value(QStringLiteral("html"))
                    .toString()
                    .contains(QStringLiteral(">Choose your password</a>")));
        QVERIFY(email.value(QStringLiteral("plain")).toString().contains(web));
        const QString plain = email.value(QStringLiteral("plain")).toString();
        QVERIFY2(plain.contains(QStringLiteral("expires in 7 days")), qPrintable(plain));
        // The dev API still lists the plain text and its links.
        const QJsonObject listed
            = m_client->get(QStringLiteral("/dev/outbox")).array().last().toObject();
        QVERIFY(
            listed.value(QStringLiteral("body")).toString().startsWith(QStringLiteral("Finish")));
        QVERIFY(listed.value(QStringLiteral("links")).toArray().contains(web));

        QCOMPARE(m_client->registerPassword(token, QStringLiteral("Kettle-Orbit-9")), 201);
        // Registering is what the person just did: no notice for it.
        QCOMPARE(newestEmail().value(QStringLiteral("plain")).toString().left(6),
                 QStringLiteral("Finish"));
    }

    void passwordChangeIsNotified()
    {
        m_client->advanceClock(73 * 3600); // past the minimum age
        const QString session
            = m_client->signIn(QStringLiteral("notified"), QStringLiteral("Kettle-Orbit-9"));
        QVERIFY(!session.isEmpty());
        QCOMPARE(m_client
                     ->post(QStringLiteral("/api/v1/me/password"),
                            {{QStringLiteral("currentPassword"), QStringLiteral("Kettle-Orbit-9")},
                             {QStringLiteral("newPassword"), QStringLiteral("Lantern-Mosaic-4")}},
                            session)
                     .status,
                 204);
        const QJsonObject email = newestEmail();
        checkWellFormed(email, QStringLiteral("Your CQRS National password was changed"));
        QCOMPARE(email.value(QStringLiteral("to")).toString(), QStringLiteral("notified@nhs.net"));
        const QString plain = email.value(QStringLiteral("plain")).toString();
        QVERIFY(plain.contains(QStringLiteral("(User ID: notified) was changed on ")));
        QVERIFY(plain.contains(QStringLiteral(" UTC")));
        QVERIFY(plain.contains(QStringLiteral("If this was not you")));
        QVERIFY(!plain.contains(QStringLiteral("Lantern")));
    }

    void passwordResetIsNotified()
    {
        m_client->advanceClock(73 * 3600);
        QCOMPARE(m_client
                     ->post(QStringLiteral("/api/v1/password-resets"),
                            {{QStringLiteral("userId"), QStringLiteral("notified")}})
                     .status,
                 202);
        const QString token = m_client->latestToken(QStringLiteral("reset"));
        QVERIFY(!token.isEmpty());
        checkWellFormed(newestEmail(), QStringLiteral("Reset your CQRS National password"));
        QCOMPARE(m_client
                     ->post(QStringLiteral("/api/v1/password-resets/") + token,
                            {{QStringLiteral("password"), QStringLiteral("Harbour-Violet-7")}})
                     .status,
                 204);
        const QJsonObject email = newestEmail();
        checkWellFormed(email, QStringLiteral("Your CQRS National password was reset"));
        QVERIFY(email.value(QStringLiteral("plain"))
                    .toString()
                    .contains(QStringLiteral("was reset on ")));
    }

    void lockIsNotifiedOnce()
    {
        for (int attempt = 0; attempt < 5; ++attempt)
            m_client->signIn(QStringLiteral("notified"), QStringLiteral("Wrong-Guess-1"));
        const QJsonObject email = newestEmail();
        checkWellFormed(email, QStringLiteral("Your CQRS National account is locked"));
        const QString plain = email.value(QStringLiteral("plain")).toString();
        QVERIFY(plain.contains(QStringLiteral("unlocks by itself in 15 minutes")));
        QVERIFY(plain.contains(QStringLiteral("If this was not you")));

        // Attempts while locked do not send another.
        const qsizetype before = m_client->get(QStringLiteral("/dev/outbox")).array().size();
        m_client->signIn(QStringLiteral("notified"), QStringLiteral("Wrong-Guess-1"));
        QCOMPARE(m_client->get(QStringLiteral("/dev/outbox")).array().size(), before);
    }

    void cleanupTestCase() { QVERIFY(m_stub.stop()); }
};

QTEST_GUILESS_MAIN(TestStubNotices)
#include "tst_stub_notices.moc"
