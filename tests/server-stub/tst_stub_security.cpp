#include "tests/support/StubClient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <algorithm>

// Lockout, unlock, no User ID enumeration, session expiry and the admin key.
class TestStubSecurity : public QObject
{
    Q_OBJECT

private:
    StubProcess m_stub;
    std::unique_ptr<StubClient> m_client;
    const QString m_password = QStringLiteral("Tidal-Orchard-64");

    Reply signIn(const QString &userId, const QString &password)
    {
        Reply reply;
        m_client->signIn(userId, password, &reply);
        return reply;
    }

    QString registeredUser(const QString &userId)
    {
        const QString token = m_client->createUser(userId);
        if (m_client->registerPassword(token, m_password) != 201)
            return {};
        return userId;
    }

    static QString storedHash(const StubProcess &stub)
    {
        QString hash;
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(stub.databasePath());
            QSqlQuery query(db);
            if (db.open() && query.exec(QStringLiteral("SELECT password_hash FROM users"))
                && query.next())
                hash = query.value(0).toString();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        return hash;
    }

    // Time of one failed sign-in, in milliseconds.
    qint64 failureMs(const QString &userId)
    {
        QElapsedTimer timer;
        timer.start();
        const Reply reply = signIn(userId, QStringLiteral("Wrong-Password-1"));
        const qint64 elapsed = timer.elapsed();
        if (reply.status != 401)
            qWarning("unexpected %d", reply.status);
        return elapsed;
    }

    // Sends `count` copies of one POST all at once, over several connections so that the
    // stub's workers take them in parallel; the replies, in no particular order.
    static QList<Reply> parallelPosts(const StubProcess &stub, const QString &path,
                                      const QJsonObject &json, int count,
                                      const QString &bearer = {})
    {
        const QByteArray body = QJsonDocument(json).toJson(QJsonDocument::Compact);
        // Qt opens at most six connections per host and manager.
        QNetworkAccessManager managers[3];
        QList<QNetworkReply *> pending;
        for (int i = 0; i < count; ++i) {
            QNetworkRequest request(stub.url(path));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
            if (!bearer.isEmpty())
                request.setRawHeader("Authorization", "Bearer " + bearer.toUtf8());
            pending.append(managers[i % 3].post(request, body));
        }
        QList<Reply> replies;
        for (QNetworkReply *reply : pending) {
            if (!reply->isFinished())
                QSignalSpy(reply, &QNetworkReply::finished).wait(30000);
            replies.append({reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                            reply->readAll(), reply->rawHeaderPairs()});
            delete reply;
        }
        return replies;
    }

    static QList<Reply> parallelSignIns(const StubProcess &stub, const QString &userId,
                                        const QString &password, int count)
    {
        return parallelPosts(
            stub, QStringLiteral("/api/v1/sessions"),
            {{QStringLiteral("userId"), userId}, {QStringLiteral("password"), password}}, count);
    }

    static QList<int> statusesOf(const QList<Reply> &replies)
    {
        QList<int> statuses;
        for (const Reply &reply : replies)
            statuses.append(reply.status);
        return statuses;
    }

    // An attempt turned away because others are still being checked: asked to wait a second.
    static void checkBusyAnswers(const QList<Reply> &replies)
    {
        for (const Reply &reply : replies) {
            if (reply.status != 429)
                continue;
            QCOMPARE(reply.error(), QStringLiteral("too_many_requests"));
            QCOMPARE(reply.header("Retry-After"), QByteArray("1"));
            QCOMPARE(reply.json().value(QStringLiteral("retryAfterSeconds")).toInt(), 1);
        }
    }

    // How many "account is locked" emails `userId` (at userId@nhs.net) has been sent.
    static int lockNotices(StubClient &client, const QString &userId)
    {
        int count = 0;
        const QJsonArray outbox = client.get(QStringLiteral("/dev/outbox")).array();
        for (const QJsonValue &email : outbox) {
            if (email[QStringLiteral("to")].toString() == userId + QStringLiteral("@nhs.net")
                && email[QStringLiteral("subject")].toString()
                    == QStringLiteral("Your CQRS National account is locked"))
                ++count;
        }
        return count;
    }

    // Runs `sql` on the stub's database beside the running server.
    bool execInDatabase(const QString &sql)
    {
        bool done = false;
        {
            QSqlDatabase db
                = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("poke"));
            db.setDatabaseName(m_stub.databasePath());
            // The server may be writing at that moment.
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
            QSqlQuery query(db);
            done = db.open() && query.exec(sql);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("poke"));
        return done;
    }

    // Time of one password-reset request, in microseconds.
    qint64 resetRequestUs(const QString &userId)
    {
        QElapsedTimer timer;
        timer.start();
        const Reply reply = m_client->post(QStringLiteral("/api/v1/password-resets"),
                                           {{QStringLiteral("userId"), userId}});
        const qint64 elapsed = timer.nsecsElapsed() / 1000;
        if (reply.status != 202)
            qWarning("unexpected %d", reply.status);
        return elapsed;
    }

    static qint64 median(QList<qint64> values)
    {
        std::sort(values.begin(), values.end());
        return values.at(values.size() / 2);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!StubProcess::binary().isEmpty(), "CQRS_SERVER_STUB is not set");
        QVERIFY(m_stub.start());
        m_client = std::make_unique<StubClient>(m_stub);
    }

    void lockoutAfterFiveFailuresAndAdminUnlock()
    {
        const QString user = registeredUser(QStringLiteral("lock.me"));
        QVERIFY(!user.isEmpty());
        for (int attempt = 1; attempt <= 4; ++attempt)
            QCOMPARE(signIn(user, QStringLiteral("Not-My-Pass-1")).status, 401);
        const Reply fifth = signIn(user, QStringLiteral("Not-My-Pass-1"));
        QCOMPARE(fifth.status, 423);
        QCOMPARE(fifth.error(), QStringLiteral("account_locked"));
        QCOMPARE(fifth.json().value(QStringLiteral("retryAfterSeconds")).toInt(), 15 * 60);

        // Locked means locked: the right password is refused too.
        QCOMPARE(signIn(user, m_password).status, 423);

        const QString unlock = QStringLiteral("/api/v1/admin/users/lock.me/unlock");
        QCOMPARE(m_client->post(unlock, {}).status, 401);
        QCOMPARE(m_client->post(unlock, {}, StubProcess::adminKey()).status, 204);
        QCOMPARE(signIn(user, m_password).status, 201);
        QCOMPARE(m_client
                     ->post(QStringLiteral("/api/v1/admin/users/nobody.here/unlock"), {},
                            StubProcess::adminKey())
                     .error(),
                 QStringLiteral("unknown_user"));
    }

    void parallelGuessesStopAtTheLockout()
    {
        const QString user = registeredUser(QStringLiteral("parallel.target"));
        QVERIFY(!user.isEmpty());
        const QList<Reply> replies
            = parallelSignIns(m_stub, user, QStringLiteral("Wrong-Password-1"), 12);
        const QList<int> statuses = statusesOf(replies);
        // Each attempt counts before its password is checked, so no more than five are ever
        // checked, however many arrive together; the others wait (429) or find it locked.
        QCOMPARE(statuses.count(401) + statuses.count(423) + statuses.count(429), 12);
        QVERIFY2(statuses.count(401) <= 5,
                 qPrintable(QStringLiteral("%1 of 12 were checked").arg(statuses.count(401))));
        checkBusyAnswers(replies);
        QCOMPARE(signIn(user, m_password).status, 423);
        // One lock, one email, however many guesses found it locked.
        QCOMPARE(lockNotices(*m_client, user), 1);
    }

    void parallelChecksOfTheRightPasswordNeverLock()
    {
        // Slow hashing, so that every attempt starts while the first are still being checked.
        StubProcess stub({QStringLiteral("--dev"), QStringLiteral("--argon2-iterations=8")});
        QVERIFY(stub.start());
        StubClient client(stub);
        const QString owner = QStringLiteral("parallel.owner");
        QVERIFY(client.addRegisteredUser(owner, m_password));
        const QList<Reply> signIns = parallelSignIns(stub, owner, m_password, 12);
        const QList<int> signInStatuses = statusesOf(signIns);
        // More at once than the lockout allows to be checked: the rest are asked to wait.
        QCOMPARE(signInStatuses.count(201) + signInStatuses.count(429), 12);
        QVERIFY(signInStatuses.count(201) >= 1);
        checkBusyAnswers(signIns);
        QVERIFY(!client.signIn(owner, m_password).isEmpty());

        // The same for the current password of a password change, refused by the 72-hour
        // minimum age only once the current password is checked.
        const QString changer = QStringLiteral("parallel.changer");
        QVERIFY(client.addRegisteredUser(changer, m_password));
        const QString session = client.signIn(changer, m_password);
        QVERIFY(!session.isEmpty());
        const QList<Reply> changes
            = parallelPosts(stub, QStringLiteral("/api/v1/me/password"),
                            {{QStringLiteral("currentPassword"), m_password},
                             {QStringLiteral("newPassword"), QStringLiteral("Amber-Lantern-58")}},
                            12, session);
        const QList<int> changeStatuses = statusesOf(changes);
        QCOMPARE(changeStatuses.count(422) + changeStatuses.count(429), 12);
        QVERIFY(changeStatuses.count(422) >= 1);
        checkBusyAnswers(changes);
        QVERIFY(!client.signIn(changer, m_password).isEmpty());

        QCOMPARE(lockNotices(client, owner) + lockNotices(client, changer), 0);
        QVERIFY(stub.stop());
    }

    void lockEndsByItself()
    {
        const QString user = registeredUser(QStringLiteral("wait.out"));
        for (int attempt = 1; attempt <= 5; ++attempt)
            signIn(user, QStringLiteral("Not-My-Pass-1"));
        QCOMPARE(signIn(user, m_password).status, 423);
        m_client->advanceClock(15 * 60 + 1);
        QCOMPARE(signIn(user, m_password).status, 201);
    }

    void answersRevealNoUserId()
    {
        const QString known = registeredUser(QStringLiteral("known.user"));
        const QString unregistered = QStringLiteral("invited.only");
        QVERIFY(!m_client->createUser(unregistered).isEmpty());

        const Reply wrongPassword = signIn(known, QStringLiteral("Wrong-Password-1"));
        const Reply unknown
            = signIn(QStringLiteral("no.such.user"), QStringLiteral("Wrong-Password-1"));
        const Reply notYetRegistered = signIn(unregistered, QStringLiteral("Wrong-Password-1"));
        QCOMPARE(wrongPassword.status, 401);
        QCOMPARE(unknown.status, wrongPassword.status);
        QCOMPARE(unknown.body, wrongPassword.body);
        QCOMPARE(notYetRegistered.body, wrongPassword.body);

        // Unknown User IDs lock exactly like real ones.
        for (int attempt = 2; attempt <= 5; ++attempt) {
            signIn(known, QStringLiteral("Wrong-Password-1"));
            signIn(QStringLiteral("no.such.user"), QStringLiteral("Wrong-Password-1"));
        }
        const Reply lockedKnown = signIn(known, m_password);
        const Reply lockedUnknown = signIn(QStringLiteral("no.such.user"), m_password);
        QCOMPARE(lockedKnown.status, 423);
        QCOMPARE(lockedUnknown.body, lockedKnown.body);

        // A reset request is 202 whoever asks.
        const Reply resetKnown = m_client->post(QStringLiteral("/api/v1/password-resets"),
                                                {{QStringLiteral("userId"), known}});
        const Reply resetUnknown
            = m_client->post(QStringLiteral("/api/v1/password-resets"),
                             {{QStringLiteral("userId"), QStringLiteral("no.such.user")}});
        QCOMPARE(resetKnown.status, 202);
        QCOMPARE(resetUnknown.body, resetKnown.body);
    }

    void unknownUserTakesAsLongAsWrongPassword()
    {
        const QString known = registeredUser(QStringLiteral("timing.user"));
        // Interleaved, so that a change in the machine's load falls on both alike; four each,
        // so that neither reaches the lockout.
        qint64 knownMs = 0;
        qint64 unknownMs = 0;
        for (int round = 0; round < 4; ++round) {
            knownMs += failureMs(known);
            unknownMs += failureMs(QStringLiteral("timing.nobody"));
        }
        // Both pay for one Argon2id verification (tens of milliseconds); an unknown User ID
        // answered without hashing would be an order of magnitude faster.
        const QString times
            = QStringLiteral("unknown %1 ms, known %2 ms").arg(unknownMs).arg(knownMs);
        QVERIFY2(unknownMs * 2 >= knownMs, qPrintable(times));
        QVERIFY2(knownMs * 2 >= unknownMs, qPrintable(times));
    }

    void resetRequestTakesAsLongForAnyone()
    {
        // One request per User ID, so that none reaches the cap on reset requests; paired,
        // in turns first and second, so that a change in the machine's load falls on both alike.
        QList<qint64> extraUs;
        for (int round = 0; round < 9; ++round) {
            const QString known = registeredUser(QStringLiteral("reset.timing%1").arg(round));
            QVERIFY(!known.isEmpty());
            const QString unknown = QStringLiteral("reset.nobody%1").arg(round);
            const bool knownFirst = round % 2 == 0;
            const qint64 firstUs = resetRequestUs(knownFirst ? known : unknown);
            const qint64 secondUs = resetRequestUs(knownFirst ? unknown : known);
            extraUs.append(knownFirst ? firstUs - secondUs : secondUs - firstUs);
        }
        // Writing the link and its email (with a sync to disk, about a millisecond) happens
        // after the answer, so a registered User ID is not answered measurably later.
        const QString times
            = QStringLiteral("a known User ID took %1 us longer").arg(median(extraUs));
        qInfo("%s", qPrintable(times));
        QVERIFY2(median(extraUs) <= 800, qPrintable(times));
        QCOMPARE(m_client->latestToken(QStringLiteral("reset")).size(), 43);
    }

    void resetRequestsAreCapped()
    {
        const QJsonObject body {{QStringLiteral("userId"), QStringLiteral("flood.target")}};
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_client->post(QStringLiteral("/api/v1/password-resets"), body).status, 202);
        const Reply capped = m_client->post(QStringLiteral("/api/v1/password-resets"), body);
        QCOMPARE(capped.status, 429);
        QCOMPARE(capped.error(), QStringLiteral("too_many_requests"));
    }

    void sessionsExpireWhenIdle()
    {
        const QString user = registeredUser(QStringLiteral("idle.user"));
        const QString session = m_client->signIn(user, m_password);
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/me"), session).status, 200);
        m_client->advanceClock(29 * 60);
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/me"), session).status, 200);
        m_client->advanceClock(31 * 60);
        const Reply expired = m_client->get(QStringLiteral("/api/v1/me"), session);
        QCOMPARE(expired.status, 401);
        QCOMPARE(expired.error(), QStringLiteral("invalid_session"));
        QCOMPARE(expired.header("WWW-Authenticate"), QByteArray("Bearer realm=\"cqrs\""));
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/me"), QStringLiteral("not-a-token")).status,
                 401);
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/me")).status, 401);
    }

    void adminApiNeedsTheKey()
    {
        const QJsonObject user {{QStringLiteral("userId"), QStringLiteral("admin.made")},
                                {QStringLiteral("email"), QStringLiteral("admin.made@nhs.net")},
                                {QStringLiteral("displayName"), QStringLiteral("Admin Made")}};
        QCOMPARE(m_client->post(QStringLiteral("/api/v1/admin/users"), user).status, 401);
        QCOMPARE(
            m_client->post(QStringLiteral("/api/v1/admin/users"), user, QStringLiteral("wrong"))
                .status,
            401);
        QCOMPARE(
            m_client->post(QStringLiteral("/api/v1/admin/users"), user, StubProcess::adminKey())
                .status,
            201);
        const Reply again
            = m_client->post(QStringLiteral("/api/v1/admin/users"), user, StubProcess::adminKey());
        QCOMPARE(again.status, 409);
        QCOMPARE(again.error(), QStringLiteral("user_exists"));

        // A new invitation voids the old link.
        const QString first = m_client->latestToken();
        QCOMPARE(m_client
                     ->post(QStringLiteral("/api/v1/admin/users/admin.made/invitation"), {},
                            StubProcess::adminKey())
                     .status,
                 202);
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/registrations/") + first).error(),
                 QStringLiteral("token_expired"));
        QCOMPARE(m_client->get(QStringLiteral("/api/v1/registrations/") + m_client->latestToken())
                     .status,
                 200);
    }

    void strongerHashingIsAdoptedAtTheNextSignIn()
    {
        StubProcess stub;
        QVERIFY(stub.start());
        StubClient client(stub);
        const QString token = client.createUser(QStringLiteral("rehash.user"));
        QCOMPARE(client.registerPassword(token, m_password), 201);
        QVERIFY(stub.stop());
        QVERIFY(storedHash(stub).contains(QStringLiteral("m=19456,t=2,p=1$")));

        QVERIFY(stub.start({QStringLiteral("--argon2-iterations"), QStringLiteral("3")}));
        QVERIFY(!client.signIn(QStringLiteral("rehash.user"), m_password).isEmpty());
        QVERIFY(storedHash(stub).contains(QStringLiteral("m=19456,t=3,p=1$")));
        QVERIFY(!client.signIn(QStringLiteral("rehash.user"), m_password).isEmpty());
        QCOMPARE(client.signIn(QStringLiteral("rehash.user"), QStringLiteral("Wrong-Password-1")),
                 QString());
        QVERIFY(stub.stop());
    }

    void adminApiIsOffWithoutAKey()
    {
        StubProcess keyless({QStringLiteral("--dev"), QStringLiteral("--admin-key="),
                             QStringLiteral("--public-url=https://cqrs.example")});
        QVERIFY(keyless.start());
        StubClient client(keyless);
        const Reply refused
            = client.post(QStringLiteral("/api/v1/admin/users"), {}, QStringLiteral("x"));
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.error(), QStringLiteral("unauthorized"));
        QVERIFY(keyless.stop());
    }

    void aLinkVoidedWhileInUseIsReportedAsReplaced()
    {
        // The invitation is replaced while the first password is being hashed; a few tries, as
        // the hashing may win the race on a fast machine.
        QNetworkAccessManager network;
        int raced = 0;
        for (int attempt = 0; attempt < 5 && raced == 0; ++attempt) {
            const QString userId = QStringLiteral("voided.link%1").arg(attempt);
            const QString token = m_client->createUser(userId);
            QNetworkRequest request(m_stub.url(QStringLiteral("/api/v1/registrations/") + token));
            request.setHeader(QNetworkRequest::ContentTypeHeader,
                              QByteArrayLiteral("application/json"));
            std::unique_ptr<QNetworkReply> registering(network.post(
                request,
                QJsonDocument(QJsonObject {{QStringLiteral("password"), m_password}}).toJson()));
            QTest::qWait(20);
            QCOMPARE(
                m_client
                    ->adminPost(QStringLiteral("/api/v1/admin/users/%1/invitation").arg(userId), {})
                    .status,
                202);
            if (!registering->isFinished())
                QSignalSpy(registering.get(), &QNetworkReply::finished).wait(30000);
            const int status
                = registering->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 201)
                continue;
            ++raced;
            QCOMPARE(status, 410);
            QCOMPARE(QJsonDocument::fromJson(registering->readAll())
                         .object()
                         .value(QStringLiteral("error"))
                         .toString(),
                     QStringLiteral("token_expired"));
        }
        QVERIFY2(raced > 0, "the invitation was never replaced during hashing");
    }

    // Last: it restarts the server, which resets the clock the other tests moved.
    void attemptsLeftInProgressEndWhenTheServerStarts()
    {
        const QString user = registeredUser(QStringLiteral("crash.survivor"));
        QVERIFY(!user.isEmpty());
        // As a server killed while checking five passwords would leave them.
        QVERIFY(execInDatabase(QStringLiteral("INSERT INTO sign_in_failures (user_key,"
                                              " consecutive, in_progress) VALUES"
                                              " ('crash.survivor', 0, 5)")));
        const Reply busy = signIn(user, m_password);
        QCOMPARE(busy.status, 429);
        checkBusyAnswers({busy});
        m_stub.kill();
        QVERIFY(m_stub.start());
        QCOMPARE(signIn(user, m_password).status, 201);
    }

    void cleanupTestCase() { QVERIFY(m_stub.stop()); }
};

QTEST_GUILESS_MAIN(TestStubSecurity)
#include "tst_stub_security.moc"
