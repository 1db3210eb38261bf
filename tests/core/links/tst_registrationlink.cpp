#include "core/crypto/SecretToken.h"
#include "core/links/RegistrationLink.h"

#include <QTest>

using cqrs::RegistrationLink;

class TestRegistrationLink : public QObject
{
    Q_OBJECT

private:
    const QString token = cqrs::SecretToken::generate();

private slots:
    void acceptsBothForms_data();
    void acceptsBothForms();
    void refusesMalformed_data();
    void refusesMalformed();
    void roundTripsThroughUrl();
    void everyGeneratedTokenIsAccepted();
};

void TestRegistrationLink::acceptsBothForms_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<RegistrationLink::Purpose>("purpose");
    QTest::newRow("register") << QStringLiteral("cqrs://register?token=") + token
                              << RegistrationLink::Purpose::Register;
    QTest::newRow("reset") << QStringLiteral("cqrs://reset?token=") + token
                           << RegistrationLink::Purpose::Reset;
    QTest::newRow("scheme and host case")
        << QStringLiteral("CQRS://Register?token=") + token << RegistrationLink::Purpose::Register;
    // Some mail clients and launchers add a slash after the host; exactly one is accepted.
    QTest::newRow("register, trailing slash")
        << QStringLiteral("cqrs://register/?token=") + token << RegistrationLink::Purpose::Register;
    QTest::newRow("reset, trailing slash")
        << QStringLiteral("cqrs://reset/?token=") + token << RegistrationLink::Purpose::Reset;
    QTest::newRow("trailing slash, host case")
        << QStringLiteral("CQRS://RESET/?token=") + token << RegistrationLink::Purpose::Reset;
}

void TestRegistrationLink::acceptsBothForms()
{
    QFETCH(QString, text);
    QFETCH(RegistrationLink::Purpose, purpose);
    const auto link = RegistrationLink::parse(text);
    QVERIFY(link);
    QCOMPARE(link->purpose(), purpose);
    QCOMPARE(link->token(), token);
    QVERIFY(RegistrationLink::problemWith(text).isEmpty());
}

void TestRegistrationLink::refusesMalformed_data()
{
    QTest::addColumn<QString>("text");
    const QString t = token;
    const QString reg = QStringLiteral("cqrs://register?token=");
    auto row = [](const char *name, const QString &text) {
        QTest::newRow(name) << text;
    };

    row("empty", QString());
    row("only whitespace", QStringLiteral("   "));
    row("scheme only", QStringLiteral("cqrs://"));
    row("https scheme", QStringLiteral("https://register?token=") + t);
    row("http landing page", QStringLiteral("https://www.cqrs.co.uk/register?token=") + t);
    row("similar scheme", QStringLiteral("cqrsx://register?token=") + t);
    row("scheme without slashes", QStringLiteral("cqrs:register?token=") + t);
    row("scheme with one slash", QStringLiteral("cqrs:/register?token=") + t);
    row("other host", QStringLiteral("cqrs://login?token=") + t);
    row("host with suffix", QStringLiteral("cqrs://registerx?token=") + t);
    row("host with server", QStringLiteral("cqrs://evil.example/register?token=") + t);
    row("two trailing slashes", QStringLiteral("cqrs://register//?token=") + t);
    row("slash before host", QStringLiteral("cqrs:///register?token=") + t);
    row("slash alone as host", QStringLiteral("cqrs:///?token=") + t);
    row("extra path", QStringLiteral("cqrs://register/x?token=") + t);
    row("extra path and slash", QStringLiteral("cqrs://register/x/?token=") + t);
    row("server path and slash", QStringLiteral("cqrs://evil.example/register/?token=") + t);
    row("backslash after host", QStringLiteral("cqrs://register\\?token=") + t);
    row("percent-encoded slash", QStringLiteral("cqrs://register%2F?token=") + t);
    row("slash, repeated token",
        QStringLiteral("cqrs://register/?token=") + t + QStringLiteral("?token=") + t);
    row("slash, token twice in query", QStringLiteral("cqrs://register/?token=?token=") + t);
    row("slash after token", reg + t + QLatin1Char('/'));
    row("user info", QStringLiteral("cqrs://user@register?token=") + t);
    row("user and password", QStringLiteral("cqrs://u:p@register?token=") + t);
    row("port", QStringLiteral("cqrs://register:8080?token=") + t);
    row("fragment", reg + t + QStringLiteral("#top"));
    row("empty fragment", reg + t + QStringLiteral("#"));
    row("extra parameter after", reg + t + QStringLiteral("&server=https://evil.example"));
    row("extra parameter before",
        QStringLiteral("cqrs://register?server=https://evil.example&token=") + t);
    row("repeated token", reg + t + QStringLiteral("&token=") + t);
    row("token repeated with ?", reg + t + QStringLiteral("?token=") + t);
    row("other parameter name", QStringLiteral("cqrs://register?tok=") + t);
    row("upper-case parameter", QStringLiteral("cqrs://register?TOKEN=") + t);
    row("no query", QStringLiteral("cqrs://register"));
    row("empty token", reg);
    row("token one short", reg + t.first(t.size() - 1));
    row("token one long", reg + t + QLatin1Char('A'));
    row("token with plus", reg + t.first(42) + QLatin1Char('+'));
    row("token with slash", reg + t.first(42) + QLatin1Char('/'));
    row("token with padding", reg + t.first(42) + QLatin1Char('='));
    row("percent-encoded token char", reg + t.first(40) + QStringLiteral("%41"));
    row("percent-encoded host", QStringLiteral("cqrs://%72egister?token=") + t);
    row("percent-encoded separator", QStringLiteral("cqrs://register%3Ftoken=") + t);
    row("non-ASCII letter in token", reg + t.first(42) + QChar(0x00E9));
    row("full-width letter in token", reg + t.first(42) + QChar(0xFF21));
    // Qt's case-insensitive comparison folds full Unicode (fuzz_registrationlink's invariant).
    row("long s in scheme", QStringLiteral("cqr\u017F://register?token=") + t);
    row("long s in host", QStringLiteral("cqrs://regi\u017Fter?token=") + t);
    row("long s in host, trailing slash", QStringLiteral("cqrs://re\u017Fet/?token=") + t);
    row("dotted capital I in host", QStringLiteral("cqrs://reg\u0130ster?token=") + t);
    row("leading space", QLatin1Char(' ') + reg + t);
    row("trailing space", reg + t + QLatin1Char(' '));
    row("trailing newline", reg + t + QLatin1Char('\n'));
    row("space in token", reg + t.first(20) + QLatin1Char(' ') + t.mid(21));
    row("quoted", QLatin1Char('"') + reg + t + QLatin1Char('"'));
    row("NUL after token", reg + t + QChar(0));
    row("control char in host", QStringLiteral("cqrs://reg\x01ister?token=") + t);
    row("tab before query", QStringLiteral("cqrs://register\t?token=") + t);
    row("over-long", reg + t + QString(RegistrationLink::MaxLength, QLatin1Char('A')));
    row("over-long padding", QString(100000, QLatin1Char('x')));
    row("option-looking", QStringLiteral("--server=https://evil.example"));
    row("backslash host", QStringLiteral("cqrs:\\\\register?token=") + t);
}

void TestRegistrationLink::refusesMalformed()
{
    QFETCH(QString, text);
    QVERIFY(!RegistrationLink::parse(text));
    QVERIFY(!RegistrationLink::problemWith(text).isEmpty());
}

void TestRegistrationLink::roundTripsThroughUrl()
{
    const auto link = RegistrationLink::parse(QStringLiteral("cqrs://reset?token=") + token);
    QVERIFY(link);
    const QUrl url = link->toUrl();
    QCOMPARE(url.scheme(), QStringLiteral("cqrs"));
    QCOMPARE(url.host(), QStringLiteral("reset"));
    QCOMPARE(RegistrationLink::parse(url.toString()), link);
}

void TestRegistrationLink::everyGeneratedTokenIsAccepted()
{
    for (int i = 0; i < 200; ++i) {
        const QString fresh = cqrs::SecretToken::generate();
        QVERIFY(RegistrationLink::parse(QStringLiteral("cqrs://register?token=") + fresh));
    }
}

QTEST_APPLESS_MAIN(TestRegistrationLink)
#include "tst_registrationlink.moc"
