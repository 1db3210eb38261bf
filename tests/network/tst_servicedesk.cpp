#include "core/api/ApiClient.h"
#include "core/api/ServiceDeskDetails.h"
#include "tests/support/ApiOutcome.h"
#include "tests/support/StubClient.h"
#include "tests/support/StubProcess.h"

#include <QTest>

using namespace cqrs;
using cqrs::test::waitFor;

class TestServiceDesk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7")); }

    void namesVersionSystemServerTimeAndTheLastError()
    {
        const QDateTime at(QDate(2026, 11, 30), QTime(9, 30), Qt::UTC);
        ApiError error;
        error.kind = ApiError::Kind::Refused;
        error.httpStatus = 423;
        error.code = QStringLiteral("account_locked");
        const QString text = ServiceDeskDetails::compose(
            QUrl(QStringLiteral("https://cqrs.example.nhs.uk/")), error, {}, at);
        QVERIFY2(text.contains(QStringLiteral("CQRS Desktop 9.8.7")), qPrintable(text));
        QVERIFY(text.contains(QSysInfo::prettyProductName()));
        QVERIFY(text.contains(QStringLiteral("Server: https://cqrs.example.nhs.uk/")));
        QVERIFY(text.contains(QStringLiteral("2026-11-30T09:30:00Z")));
        QVERIFY(text.contains(error.userMessage()));
        QVERIFY(text.contains(QStringLiteral("account_locked (HTTP 423)")));
        QVERIFY(!text.contains(QStringLiteral("NHSmail")));

        const QString nhsMail
            = ServiceDeskDetails::compose(QUrl(QStringLiteral("https://cqrs.example.nhs.uk/")), {},
                                          QStringLiteral("NHSmail could not be reached."), at);
        QVERIFY2(nhsMail.contains(QStringLiteral("Last error: none")), qPrintable(nhsMail));
        QVERIFY2(nhsMail.contains(
                     QStringLiteral("Last NHSmail sign-in problem: NHSmail could not be reached.")),
                 qPrintable(nhsMail));
    }

    // Drives real requests that carry a password, a link token and a session token, makes each
    // fail, and checks none of those secrets reaches the details.
    void neverCarriesAPasswordTokenOrCookie()
    {
        StubProcess stub;
        QVERIFY(stub.start());
        StubClient admin(stub);
        const QString password = QStringLiteral("Correct-Horse-Battery-9");
        QVERIFY(admin.addRegisteredUser(QStringLiteral("jsmith01"), password));
        const QString linkToken = admin.createUser(QStringLiteral("akhan02"));
        QVERIFY(!linkToken.isEmpty());

        // A server address as a careless tester might type it, with a secret in every part.
        QUrl server = stub.url();
        server.setUserInfo(QStringLiteral("admin:hunter2"));
        server.setQuery(QStringLiteral("token=leaked-query-secret"));
        server.setFragment(QStringLiteral("leaked-fragment-secret"));
        ApiClient client(stub.url());
        client.setRetryDelays({});
        QStringList details;
        auto record = [&] {
            details << ServiceDeskDetails::compose(server, client.lastError());
        };

        QVERIFY(waitFor<UserProfile>([&](auto handler) {
                    client.signIn(QStringLiteral("jsmith01"), password, this, std::move(handler));
                }).ok());
        const QString weak = QStringLiteral("weak-password-in-a-refusal");
        QVERIFY(!waitFor<Done>([&](auto handler) {
                     client.changePassword(password, weak, this, std::move(handler));
                 }).ok());
        record();
        const auto link
            = RegistrationLink::parse(QStringLiteral("cqrs://register?token=") + linkToken);
        QVERIFY(link);
        QVERIFY(!waitFor<Done>([&](auto handler) {
                     client.setPasswordFromLink(*link, weak, this, std::move(handler));
                 }).ok());
        record();
        QVERIFY(!waitFor<UserProfile>([&](auto handler) {
                     client.signIn(QStringLiteral("jsmith01"), QStringLiteral("wrong-password-9"),
                                   this, std::move(handler));
                 }).ok());
        record();
        QVERIFY(stub.stop()); // and the server going away
        QVERIFY(!waitFor<UserProfile>([&](auto handler) {
                     client.fetchCurrentUser(this, std::move(handler));
                 }).ok());
        record();

        const QString all = details.join(QLatin1Char('\n'));
        for (const QString &secret :
             {password, weak, QStringLiteral("wrong-password-9"), linkToken,
              QStringLiteral("hunter2"), QStringLiteral("leaked-query-secret"),
              QStringLiteral("leaked-fragment-secret"), QStringLiteral("Bearer"),
              QStringLiteral("Cookie"), QStringLiteral("sessionToken")}) {
            QVERIFY2(!all.contains(secret, Qt::CaseInsensitive), qPrintable(secret));
        }
        QVERIFY(all.contains(QStringLiteral("Error code: unreachable")));
    }
};

QTEST_GUILESS_MAIN(TestServiceDesk)
#include "tst_servicedesk.moc"
