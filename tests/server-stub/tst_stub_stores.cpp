// The stub's stores on their own, against a real SQLite file: what HTTP tests reach only
// through whole journeys, checked one rule at a time.
#include "server-stub/storage/Database.h"
#include "server-stub/storage/LinkTokenStore.h"
#include "server-stub/storage/Migrations.h"
#include "server-stub/storage/SessionStore.h"
#include "server-stub/storage/SignInThrottle.h"
#include "server-stub/storage/SingleUseTokens.h"
#include "server-stub/storage/SsoSchema.h"
#include "server-stub/storage/UsedIdTokens.h"
#include "server-stub/storage/UserStore.h"

#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace cqrs::stub;

namespace {

constexpr qint64 Start = 1'800'000'000'000;
constexpr qint64 Minute = 60 * 1000;
constexpr auto Go = SignInThrottle::Start::Kind::Go;
constexpr auto Busy = SignInThrottle::Start::Kind::Busy;
constexpr auto Locked = SignInThrottle::Start::Kind::Locked;

User jane()
{
    User user;
    user.userId = QStringLiteral("jdoe");
    user.displayName = QStringLiteral("Jane Doe");
    user.email = QStringLiteral("jane.doe@example.nhs.uk");
    user.createdAtMs = Start;
    return user;
}

} // namespace

class TestStubStores : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    int m_count = 0;

    QString path() const { return m_dir.filePath(QStringLiteral("stores-%1.sqlite").arg(m_count)); }

private slots:
    void init()
    {
        ++m_count;
        m_database = std::make_unique<Database>(path());
        Migrations::apply(*m_database, Sso::schema());
        QVERIFY(UserStore(*m_database).create(jane()));
    }
    void cleanup() { m_database.reset(); }

    void usersAreKeptInTheFile()
    {
        QVERIFY(!UserStore(*m_database).create(jane()));
        m_database.reset();
        const Database reopened(path());
        const std::optional<User> found = UserStore(reopened).find(u"jdoe");
        QVERIFY(found);
        QCOMPARE(found->email, jane().email);
        QVERIFY(!found->hasPassword());
        QCOMPARE(UserStore(reopened).findByEmail(jane().email).size(), 1);
        QVERIFY(!UserStore(reopened).find(u"nobody"));
    }

    void aPasswordIsReplacedOnlyOverTheHashItWasReadWith()
    {
        const UserStore users(*m_database);
        QVERIFY(users.replacePassword(jane(), {}, QStringLiteral("hash-1"), Start, 4));
        // A second writer read the user before the first change: it must not win.
        QVERIFY(!users.replacePassword(jane(), {}, QStringLiteral("hash-2"), Start, 4));
        QCOMPARE(users.find(u"jdoe")->passwordHash, QStringLiteral("hash-1"));
    }

    void aSessionEndsWhenIdleOrOld()
    {
        const SessionStore::Lifetimes lifetimes {10 * Minute, 60 * Minute};
        const SessionStore sessions(*m_database, lifetimes);
        const SessionStore::Issued issued = sessions.create(QStringLiteral("jdoe"), Start);
        QCOMPARE(issued.expiresAtMs, Start + lifetimes.absoluteMs);
        QCOMPARE(sessions.authenticate(issued.token, Start + 9 * Minute), QStringLiteral("jdoe"));
        // Each use restarts the idle time, up to the absolute expiry.
        QCOMPARE(sessions.authenticate(issued.token, Start + 18 * Minute), QStringLiteral("jdoe"));
        QVERIFY(!sessions.authenticate(issued.token, Start + 29 * Minute));

        const SessionStore::Issued old = sessions.create(QStringLiteral("jdoe"), Start);
        for (qint64 at = Start; at < Start + lifetimes.absoluteMs; at += 9 * Minute)
            QVERIFY(sessions.authenticate(old.token, at));
        QVERIFY(!sessions.authenticate(old.token, Start + lifetimes.absoluteMs));
    }

    void signingOutEndsTheSessionOnce()
    {
        const SessionStore sessions(*m_database, {});
        const SessionStore::Issued kept = sessions.create(QStringLiteral("jdoe"), Start);
        const SessionStore::Issued other = sessions.create(QStringLiteral("jdoe"), Start);
        const SessionStore::Issued ended = sessions.create(QStringLiteral("jdoe"), Start);
        QVERIFY(sessions.revoke(ended.token, Start));
        QVERIFY(!sessions.revoke(ended.token, Start));
        QVERIFY(!sessions.authenticate(ended.token, Start));
        sessions.revokeAllFor(QStringLiteral("jdoe"), kept.token, Start);
        QVERIFY(sessions.authenticate(kept.token, Start));
        QVERIFY(!sessions.authenticate(other.token, Start));
        QVERIFY(!sessions.authenticate(QStringLiteral("not a token"), Start));
    }

    void aLinkIsUsedOnce()
    {
        const LinkTokenStore links(*m_database);
        using P = LinkTokenStore::Purpose;
        const QString token = links.issue(P::Register, LinkTokenStore::Issuer::Administrator,
                                          QStringLiteral("jdoe"), Start, 60 * Minute);
        QVERIFY(!links.find(P::Reset, token, Start));
        const std::optional<LinkTokenStore::Link> link = links.find(P::Register, token, Start);
        QVERIFY(link);
        QCOMPARE(link->state, LinkTokenStore::State::Usable);
        {
            Transaction transaction(*m_database);
            QVERIFY(links.consume(*link, Start + Minute));
            QVERIFY(!links.consume(*link, Start + Minute));
            transaction.commit();
        }
        QCOMPARE(links.find(P::Register, token, Start + Minute)->state,
                 LinkTokenStore::State::Used);
    }

    void aLinkExpiresAndIsReplacedByANewerOne()
    {
        const LinkTokenStore links(*m_database);
        using P = LinkTokenStore::Purpose;
        using I = LinkTokenStore::Issuer;
        const QString admins
            = links.issue(P::Reset, I::Administrator, QStringLiteral("jdoe"), Start, 60 * Minute);
        const QString first
            = links.issue(P::Reset, I::User, QStringLiteral("jdoe"), Start, 60 * Minute);
        QCOMPARE(links.find(P::Reset, first, Start + 59 * Minute)->state,
                 LinkTokenStore::State::Usable);
        QCOMPARE(links.find(P::Reset, first, Start + 60 * Minute)->state,
                 LinkTokenStore::State::Expired);
        const QString second
            = links.issue(P::Reset, I::User, QStringLiteral("jdoe"), Start, 60 * Minute);
        QCOMPARE(links.find(P::Reset, first, Start)->state, LinkTokenStore::State::Expired);
        QCOMPARE(links.find(P::Reset, second, Start)->state, LinkTokenStore::State::Usable);
        // A request made by anyone who knows the User ID never voids the administrator's link.
        QCOMPARE(links.find(P::Reset, admins, Start)->state, LinkTokenStore::State::Usable);
        QVERIFY(!links.find(P::Reset, QStringLiteral("malformed"), Start));
    }

    void anAdministratorsLinkVoidsEveryOlderLink()
    {
        const LinkTokenStore links(*m_database);
        using P = LinkTokenStore::Purpose;
        using I = LinkTokenStore::Issuer;
        const QString requested
            = links.issue(P::Reset, I::User, QStringLiteral("jdoe"), Start, 60 * Minute);
        const QString invited = links.issue(P::Register, I::Administrator, QStringLiteral("jdoe"),
                                            Start, 60 * Minute);
        const QString reinvited = links.issue(P::Register, I::Administrator, QStringLiteral("jdoe"),
                                              Start, 60 * Minute);
        QCOMPARE(links.find(P::Reset, requested, Start)->state, LinkTokenStore::State::Expired);
        QCOMPARE(links.find(P::Register, invited, Start)->state, LinkTokenStore::State::Expired);
        QCOMPARE(links.find(P::Register, reinvited, Start)->state, LinkTokenStore::State::Usable);
    }

    void failuresLockAndTheLockRunsOut()
    {
        const SignInThrottle throttle(*m_database, {3, 15 * Minute});
        for (int failure = 1; failure <= 2; ++failure) {
            QCOMPARE(throttle.beginAttempt(u"JDoe", Start).kind, Go);
            QCOMPARE(throttle.settleFailure(u"jdoe", Start).lockedForMs, 0);
        }
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Go);
        const SignInThrottle::Failure third = throttle.settleFailure(u"jdoe", Start);
        QCOMPARE(third.lockedForMs, 15 * Minute);
        QVERIFY(third.lockedNow);
        QCOMPARE(throttle.lockedForMs(u"JDOE", Start + 5 * Minute), 10 * Minute);
        const SignInThrottle::Start whileLocked
            = throttle.beginAttempt(u"jdoe", Start + 5 * Minute);
        QCOMPARE(whileLocked.kind, Locked);
        QCOMPARE(whileLocked.lockedForMs, 10 * Minute);
        QCOMPARE(throttle.lockedForMs(u"jdoe", Start + 15 * Minute), 0);
        QCOMPARE(throttle.lockedForMs(u"someone-else", Start), 0);
        // A fresh count once the lock has run out.
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start + 15 * Minute).kind, Go);
        QCOMPARE(throttle.settleFailure(u"jdoe", Start + 15 * Minute).lockedForMs, 0);
    }

    void attemptsInProgressMakeOthersWaitButNeverLock()
    {
        const SignInThrottle throttle(*m_database, {2, 15 * Minute});
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Go);
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Go);
        // Both are still being checked: a third may not start, as that would check more
        // passwords than the limit allows, but it only waits; nothing is locked.
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Busy);
        QCOMPARE(throttle.lockedForMs(u"jdoe", Start), 0);
        QCOMPARE(throttle.settleSuccess(u"jdoe", Start), 0);
        QCOMPARE(throttle.settleSuccess(u"jdoe", Start), 0);
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Go);
    }

    void failuresAndAttemptsInProgressShareTheLimit()
    {
        const SignInThrottle throttle(*m_database, {3, 15 * Minute});
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Go);
        QCOMPARE(throttle.settleFailure(u"jdoe", Start).lockedForMs, 0);
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Go);
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Go);
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Busy);
        QCOMPARE(throttle.settleFailure(u"jdoe", Start).lockedNow, false);
        // The failure that reaches the limit is the one that locks, and says so.
        const SignInThrottle::Failure last = throttle.settleFailure(u"jdoe", Start);
        QVERIFY(last.lockedNow);
        QCOMPARE(last.lockedForMs, 15 * Minute);
    }

    void aFailureSettledAfterTheLockDidNotLockIt()
    {
        const SignInThrottle generous(*m_database, {3, 15 * Minute});
        QCOMPARE(generous.beginAttempt(u"jdoe", Start).kind, Go);
        QCOMPARE(generous.beginAttempt(u"jdoe", Start).kind, Go);
        QCOMPARE(generous.settleFailure(u"jdoe", Start).lockedForMs, 0);
        // The limit lowered meanwhile (a restart with other options) locks at the next start.
        const SignInThrottle strict(*m_database, {1, 15 * Minute});
        QCOMPARE(strict.beginAttempt(u"jdoe", Start).kind, Locked);
        const SignInThrottle::Failure late = generous.settleFailure(u"jdoe", Start);
        QCOMPARE(late.lockedForMs, 15 * Minute);
        QVERIFY(!late.lockedNow);
    }

    void attemptsLeftInProgressAreForgottenAtStart()
    {
        const SignInThrottle throttle(*m_database, {2, 15 * Minute});
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Go);
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Go);
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Busy);
        // The process checking them was stopped; they will never be settled.
        throttle.forgetAttemptsInProgress();
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Go);
    }

    void anUnlockLeavesAttemptsInProgressCounting()
    {
        const SignInThrottle throttle(*m_database, {2, 15 * Minute});
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Go);
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Go);
        throttle.clear(u"jdoe");
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Busy);
    }

    void aSuccessForgetsTheFailures()
    {
        const SignInThrottle throttle(*m_database, {2, 15 * Minute});
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Go);
        QCOMPARE(throttle.settleFailure(u"jdoe", Start).lockedForMs, 0);
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Go);
        QCOMPARE(throttle.settleSuccess(u"jdoe", Start), 0);
        QCOMPARE(throttle.beginAttempt(u"jdoe", Start).kind, Go);
        QCOMPARE(throttle.settleFailure(u"jdoe", Start).lockedForMs, 0);
    }

    void aSingleUseTokenIsSpentOnceWhileItLasts()
    {
        m_database->exec(QStringLiteral("CREATE TABLE secrets (hash TEXT PRIMARY KEY, used_at"
                                        " INTEGER, expires_at INTEGER, voided_at INTEGER)"));
        for (const char *hash : {"a", "b", "c"})
            m_database->exec(QStringLiteral("INSERT INTO secrets (hash, expires_at) VALUES (?, ?)"),
                             {QLatin1String(hash), Start + Minute});
        m_database->exec(QStringLiteral("UPDATE secrets SET voided_at = 1 WHERE hash = 'c'"));
        const SingleUseTokens secrets {QStringLiteral("secrets"), QStringLiteral("hash"),
                                       QStringLiteral("voided_at IS NULL")};
        QVERIFY(secrets.spend(*m_database, QStringLiteral("a"), Start));
        QVERIFY(!secrets.spend(*m_database, QStringLiteral("a"), Start));
        QVERIFY(!secrets.spend(*m_database, QStringLiteral("b"), Start + Minute));
        QVERIFY(!secrets.spend(*m_database, QStringLiteral("c"), Start));
        QVERIFY(!secrets.spend(*m_database, QStringLiteral("unknown"), Start));
    }

    void anIdTokenIsSpentOnce()
    {
        const UsedIdTokens used(*m_database);
        QVERIFY(used.spend(u"header.payload.signature", Start + Minute, Start));
        QVERIFY(!used.spend(u"header.payload.signature", Start + Minute, Start));
        QVERIFY(used.spend(u"another.payload.signature", Start + Minute, Start));
    }
};

QTEST_GUILESS_MAIN(TestStubStores)
#include "tst_stub_stores.moc"
