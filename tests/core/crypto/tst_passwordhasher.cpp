#include "core/crypto/PasswordHasher.h"

#include <QRegularExpression>
#include <QTest>

#include <argon2.h>

using namespace cqrs;

namespace {

// A genuine Argon2id string made with parameters below the floor, as an old or tampered
// database row might hold.
QString weakHash(const QByteArray &password)
{
    const QByteArray salt(16, 's');
    char encoded[128] = {};
    const int rc
        = argon2id_hash_encoded(1, 1024, 1, password.constData(), size_t(password.size()),
                                salt.constData(), size_t(salt.size()), 32, encoded, sizeof encoded);
    if (rc != ARGON2_OK)
        qFatal("argon2 failed");
    return QString::fromLatin1(encoded);
}

} // namespace

class TestPasswordHasher : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void phcFormatAndSalt();
    void wrongPassword();
    void tamperedStrings_data();
    void tamperedStrings();
    void parametersBelowFloorRefused();
    void needsRehash();
    void unicodeIsNormalised();
};

void TestPasswordHasher::roundTrip()
{
    const PasswordHasher hasher;
    const QString phc = hasher.hash(u"Correct-Horse-9");
    QVERIFY(hasher.verify(u"Correct-Horse-9", phc));
}

void TestPasswordHasher::phcFormatAndSalt()
{
    const PasswordHasher hasher;
    const QString a = hasher.hash(u"Correct-Horse-9");
    const QString b = hasher.hash(u"Correct-Horse-9");
    static const QRegularExpression phc(QStringLiteral(
        R"(^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$)"));
    QVERIFY2(phc.match(a).hasMatch(), qPrintable(a));
    QVERIFY2(a != b, "each hash must have its own random salt");
    QCOMPARE(PasswordHasher::parametersOf(a), Argon2Parameters {});
}

void TestPasswordHasher::wrongPassword()
{
    const PasswordHasher hasher;
    const QString phc = hasher.hash(u"Correct-Horse-9");
    QVERIFY(!hasher.verify(u"correct-Horse-9", phc));
    QVERIFY(!hasher.verify(u"Correct-Horse-9 ", phc));
    QVERIFY(!hasher.verify(u"", phc));
}

void TestPasswordHasher::tamperedStrings_data()
{
    QTest::addColumn<QString>("stored");
    const QString good = PasswordHasher().hash(u"Correct-Horse-9");
    QString flipped = good;
    const qsizetype last = flipped.size() - 1;
    flipped[last] = flipped[last] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    QTest::newRow("hash changed") << flipped;
    QTest::newRow("truncated") << good.left(good.size() - 5);
    QTest::newRow("argon2i algorithm")
        << QString(good).replace(QStringLiteral("$argon2id$"), QStringLiteral("$argon2i$"));
    QTest::newRow("bcrypt") << QStringLiteral(
        "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW");
    QTest::newRow("plain text") << QStringLiteral("Correct-Horse-9");
    QTest::newRow("empty") << QString();
    QTest::newRow("version 16") << QString(good).replace(QStringLiteral("v=19"),
                                                         QStringLiteral("v=16"));
    QTest::newRow("absurd memory")
        << QString(good).replace(QStringLiteral("m=19456"), QStringLiteral("m=99999999999"));
    QTest::newRow("trailing newline") << good + QLatin1Char('\n');
}

void TestPasswordHasher::tamperedStrings()
{
    QFETCH(QString, stored);
    QVERIFY(!PasswordHasher().verify(u"Correct-Horse-9", stored));
}

void TestPasswordHasher::parametersBelowFloorRefused()
{
    const QString weak = weakHash("Correct-Horse-9");
    QVERIFY(argon2id_verify(weak.toLatin1().constData(), "Correct-Horse-9", 15) == ARGON2_OK);
    QVERIFY(!PasswordHasher().verify(u"Correct-Horse-9", weak));
    QCOMPARE(PasswordHasher::parametersOf(weak), std::nullopt);

    QVERIFY(!PasswordHasher::withParameters({8192, 2, 1}));
    QVERIFY(!PasswordHasher::withParameters({19456, 1, 1}));
    QVERIFY(!PasswordHasher::withParameters({19456, 2, 0}));
    QVERIFY(PasswordHasher::withParameters({19456, 2, 1}));
    QVERIFY(PasswordHasher::withParameters({65536, 3, 2}));
}

void TestPasswordHasher::needsRehash()
{
    const PasswordHasher current;
    const QString phc = current.hash(u"Correct-Horse-9");
    QVERIFY(!current.needsRehash(phc));
    const auto stronger = PasswordHasher::withParameters({32768, 3, 1});
    QVERIFY(stronger);
    QVERIFY(stronger->needsRehash(phc));
    QVERIFY(stronger->verify(u"Correct-Horse-9", phc)); // old hashes still verify
    QVERIFY(current.needsRehash(weakHash("x")));
    QVERIFY(current.needsRehash(u"garbage"));
}

void TestPasswordHasher::unicodeIsNormalised()
{
    const PasswordHasher hasher;
    const QString composed = QString::fromUtf8("Caf\u00E9-\xF0\x9F\x94\x91-9");
    const QString decomposed = QString::fromUtf8("Cafe\u0301-\xF0\x9F\x94\x91-9");
    QVERIFY(composed != decomposed);
    const QString phc = hasher.hash(composed);
    QVERIFY(hasher.verify(decomposed, phc));
    QVERIFY(!hasher.verify(QString::fromUtf8("Cafe-\xF0\x9F\x94\x91-9"), phc));
}

QTEST_APPLESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
