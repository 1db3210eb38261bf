#include "tests/support/StubClient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>

// The whole journey of docs/design.md §1 against the real server: set up by an administrator,
// registration through the emailed link, sign-in, password change under every server rule,
// sign-out, and the forgotten-password reset.
class TestStubJourney : public QObject
{
    Q_OBJECT

private:
    StubProcess m_stub;
    std::unique_ptr<StubClient> m_client;
    QStringList m_secrets; // every token and password used, to check the log never shows them

    QString signIn(const QString &password)
    {
        QString session = m_client->signIn(QStringLiteral("jsmith01"), password);
        m_secrets.append(session);
        return session;
    }

    Reply changePassword(const QString &session, const QString &current, const QString &next)
    {
        return m_client->post(
            QStringLiteral("/api/v1/me/password"),
            {{QStringLiteral("currentPassword"), current}, {QStringLiteral("newPassword"), next}},
            session);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!StubProcess::binary().isEmpty(), "CQRS_SERVER_STUB is not set");
        QVERIFY(m_stub.start());
        m_client = std::make_unique<StubClient>(m_stub);
    }

    void registrationSignInChangeAndSignOut()
    {
        StubClient &api = *m_client;
        const QString token
            = api.createUser(QStringLiteral("jsmith01"), QStringLiteral("john.smith@nhs.net"));
        QVERIFY(!token.isEmpty());
        m_secrets.append(token);

        // The invitation email went to the user and carries both forms of the link.
        const QJsonObject email = api.get(QStringLiteral("/dev/outbox")).array().last().toObject();
        QCOMPARE(email.value(QStringLiteral("to")).toString(),
                 QStringLiteral("john.smith@nhs.net"));
        const QJsonArray links = email.value(QStringLiteral("links")).toArray();
        QVERIFY(links.contains(m_stub.url(QStringLiteral("/register?token=") + token).toString()));
        QVERIFY(links.contains(QStringLiteral("cqrs://register?token=") + token));

        const Reply who = api.get(QStringLiteral("/api/v1/registrations/") + token);
        QCOMPARE(who.status, 200);
        QCOMPARE(who.json().value(QStringLiteral("userId")).toString(), QStringLiteral("jsmith01"));
        QCOMPARE(who.json().value(QStringLiteral("displayName")).toString(),
                 QStringLiteral("Test User"));

        // Too short, one category, contains a part of the User ID: every rule is named.
        const Reply weak = api.post(QStringLiteral("/api/v1/registrations/") + token,
                                    {{QStringLiteral("password"), QStringLiteral("jsmith")}});
        QCOMPARE(weak.status, 422);
        QCOMPARE(weak.error(), QStringLiteral("password_policy"));
        QCOMPARE(weak.violations(),
                 (QStringList {QStringLiteral("categories"), QStringLiteral("length"),
                               QStringLiteral("user-id")}));
        QVERIFY(!weak.json().value(QStringLiteral("message")).toString().isEmpty());

        const QStringList passwords {
            QStringLiteral("Blue-Harbour-71"), QStringLiteral("Green#Meadow42"),
            QStringLiteral("Quiet River 93"), QStringLiteral("Amber!Falcon58")};
        m_secrets += passwords;
        const Reply registered = api.post(QStringLiteral("/api/v1/registrations/") + token,
                                          {{QStringLiteral("password"), passwords[0]}});
        QCOMPARE(registered.status, 201);
        QCOMPARE(registered.json().value(QStringLiteral("userId")).toString(),
                 QStringLiteral("jsmith01"));

        QCOMPARE(api.registerPassword(token, passwords[0]), 410);
        QCOMPARE(api.get(QStringLiteral("/api/v1/registrations/") + token).error(),
                 QStringLiteral("token_used"));

        Reply signedIn;
        const QString session = api.signIn(QStringLiteral("jsmith01"), passwords[0], &signedIn);
        QCOMPARE(signedIn.status, 201);
        QVERIFY(!session.isEmpty());
        m_secrets.append(session);
        const QJsonObject user = signedIn.json().value(QStringLiteral("user")).toObject();
        QCOMPARE(user.value(QStringLiteral("organisation")).toString(), QStringLiteral("A81001"));
        QVERIFY(QDateTime::fromString(signedIn.json().value(QStringLiteral("expiresAt")).toString(),
                                      Qt::ISODate)
                > QDateTime::currentDateTimeUtc());
        const Reply me = api.get(QStringLiteral("/api/v1/me"), session);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(QStringLiteral("role")).toString(),
                 QStringLiteral("Practice Manager"));
        QVERIFY(!me.json().value(QStringLiteral("passwordChangedAt")).toString().isEmpty());

        // Straight after registering, a change is too soon, and says when it will be allowed.
        const Reply tooSoon = changePassword(session, passwords[0], passwords[1]);
        QCOMPARE(tooSoon.status, 422);
        QCOMPARE(tooSoon.violations(), QStringList {QStringLiteral("min-age")});
        const QDateTime allowedAt = QDateTime::fromString(
            tooSoon.json().value(QStringLiteral("nextChangeAllowedAt")).toString(), Qt::ISODate);
        QVERIFY(allowedAt > QDateTime::currentDateTimeUtc().addSecs(71 * 3600));
        QVERIFY(allowedAt < QDateTime::currentDateTimeUtc().addSecs(73 * 3600));
        const QString message = tooSoon.json().value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(QStringLiteral("UTC")) && !message.contains(QStringLiteral("..")),
                 qPrintable(message));

        // Three days on (the session has idled out meanwhile: sign in again), change twice.
        api.advanceClock(72 * 3600 + 60);
        QCOMPARE(api.get(QStringLiteral("/api/v1/me"), session).status, 401);
        QString current = signIn(passwords[0]);
        QCOMPARE(changePassword(current, passwords[0], passwords[1]).status, 204);
        api.advanceClock(72 * 3600 + 60);
        current = signIn(passwords[1]);
        QCOMPARE(changePassword(current, passwords[1], passwords[2]).status, 204);
        api.advanceClock(72 * 3600 + 60);
        current = signIn(passwords[2]);

        // Both earlier passwords are in the history; the current one is "not-current".
        for (const QString &old : {passwords[0], passwords[1]}) {
            const Reply reused = changePassword(current, passwords[2], old);
            QCOMPARE(reused.status, 422);
            QCOMPARE(reused.violations(), QStringList {QStringLiteral("history")});
        }
        QCOMPARE(changePassword(current, passwords[2], passwords[2]).violations(),
                 QStringList {QStringLiteral("not-current")});
        // A wrong current password is refused before any rule is judged.
        QCOMPARE(changePassword(current, QStringLiteral("Not-The-One-1"), passwords[3]).error(),
                 QStringLiteral("invalid_credentials"));

        QCOMPARE(changePassword(current, passwords[2], passwords[3]).status, 204);
        // The session that changed the password stays signed in.
        QCOMPARE(api.get(QStringLiteral("/api/v1/me"), current).status, 200);
        QCOMPARE(api.signIn(QStringLiteral("jsmith01"), passwords[2]), QString());

        QCOMPARE(api.send("DELETE", QStringLiteral("/api/v1/sessions/current"), {}, current).status,
                 204);
        QCOMPARE(api.get(QStringLiteral("/api/v1/me"), current).status, 401);
        QCOMPARE(api.send("DELETE", QStringLiteral("/api/v1/sessions/current"), {}, current).status,
                 401);
    }

    void forgottenPasswordReset()
    {
        StubClient &api = *m_client;
        const QString token = api.createUser(QStringLiteral("reset.user"));
        m_secrets.append(token);
        const QString first = QStringLiteral("Copper-Kettle-26");
        const QString second = QStringLiteral("Silver&Lantern39");
        m_secrets += {first, second};
        QCOMPARE(api.registerPassword(token, first), 201);
        const QString oldSession = signInAs(QStringLiteral("reset.user"), first);

        const Reply asked = api.post(QStringLiteral("/api/v1/password-resets"),
                                     {{QStringLiteral("userId"), QStringLiteral("reset.user")}});
        QCOMPARE(asked.status, 202);
        const QString resetToken = api.latestToken(QStringLiteral("reset"));
        QVERIFY(!resetToken.isEmpty());
        m_secrets.append(resetToken);
        const QString path = QStringLiteral("/api/v1/password-resets/") + resetToken;
        QCOMPARE(api.get(path).json().value(QStringLiteral("userId")).toString(),
                 QStringLiteral("reset.user"));

        // A self-service reset is a user-initiated change: the minimum age applies.
        const Reply tooSoon = api.post(path, {{QStringLiteral("password"), second}});
        QCOMPARE(tooSoon.status, 422);
        QCOMPARE(tooSoon.violations(), QStringList {QStringLiteral("min-age")});

        api.advanceClock(72 * 3600 + 60);
        // The reset link (one hour) has expired by now: ask again.
        QCOMPARE(api.get(path).error(), QStringLiteral("token_expired"));
        QCOMPARE(api.post(QStringLiteral("/api/v1/password-resets"),
                          {{QStringLiteral("userId"), QStringLiteral("reset.user")}})
                     .status,
                 202);
        const QString fresh = api.latestToken(QStringLiteral("reset"));
        m_secrets.append(fresh);
        QCOMPARE(api.post(QStringLiteral("/api/v1/password-resets/") + fresh,
                          {{QStringLiteral("password"), second}})
                     .status,
                 204);
        QCOMPARE(api.get(QStringLiteral("/api/v1/me"), oldSession).status, 401);
        QVERIFY(!signInAs(QStringLiteral("reset.user"), second).isEmpty());
    }

    void historyRemembersTheLastEightPasswords()
    {
        StubClient &api = *m_client;
        const QString userId = QStringLiteral("history.user");
        const QString token = api.createUser(userId);
        QStringList passwords;
        for (int i = 0; i <= 9; ++i)
            passwords.append(QStringLiteral("Lantern-%1-Quay").arg(40 + i));
        m_secrets += passwords;
        m_secrets.append(token);
        QCOMPARE(api.registerPassword(token, passwords[0]), 201);

        const auto changeTo = [&](int from, int to) {
            api.advanceClock(72 * 3600 + 60);
            const QString session = signInAs(userId, passwords[from]);
            return changePassword(session, passwords[from], passwords[to]);
        };
        for (int i = 1; i <= 8; ++i)
            QCOMPARE(changeTo(i - 1, i).status, 204);
        // Current: 8; remembered: 7 … 0. The oldest of the eight is still refused.
        QCOMPARE(changeTo(8, 0).violations(), QStringList {QStringLiteral("history")});
        QCOMPARE(changeTo(8, 9).status, 204);
        // Current: 9; remembered: 8 … 1. Password 0 has dropped out of the history.
        QCOMPARE(changeTo(9, 0).status, 204);
    }

    void landingPageOpensTheApp()
    {
        const QString token = m_client->createUser(QStringLiteral("landing.user"));
        m_secrets.append(token);
        const Reply page = m_client->get(QStringLiteral("/register?token=") + token);
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        QCOMPARE(page.header("Referrer-Policy"), QByteArray("no-referrer"));
        QVERIFY(page.body.contains("cqrs://register?token=" + token.toUtf8()));
        // The button does the opening; the page promises nothing it does not do itself.
        QVERIFY(page.body.contains("Choose <strong>Open CQRS Desktop</strong>"));
        QVERIFY(!page.body.contains("should open now"));
        QVERIFY(page.body.contains("support@cqrs.co.uk"));
        const Reply reset = m_client->get(QStringLiteral("/reset?token=") + token);
        QVERIFY(reset.body.contains("cqrs://reset?token=" + token.toUtf8()));
        const Reply broken = m_client->get(QStringLiteral("/register?token=<script>"));
        QCOMPARE(broken.status, 400);
        QVERIFY(!broken.body.contains("<script>"));
    }

    void logShowsRequestsButNoSecret()
    {
        const QString log = m_stub.log();
        QVERIFY(log.contains(
            QStringLiteral("method=POST path=/api/v1/registrations/{token} status=201")));
        QVERIFY(log.contains(QStringLiteral("path=/api/v1/me/password status=422")));
        for (const QString &secret : std::as_const(m_secrets)) {
            if (!secret.isEmpty())
                QVERIFY2(!log.contains(secret), "a token or password reached the log");
        }
        QVERIFY(!log.contains(QStringLiteral("$argon2")));
    }

    void cleanupTestCase() { QVERIFY(m_stub.stop()); }

private:
    QString signInAs(const QString &userId, const QString &password)
    {
        QString session = m_client->signIn(userId, password);
        m_secrets.append(session);
        return session;
    }
};

QTEST_GUILESS_MAIN(TestStubJourney)
#include "tst_stub_journey.moc"
