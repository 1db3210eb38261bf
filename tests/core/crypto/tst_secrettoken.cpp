#include "core/crypto/ConstantTime.h"
#include "core/crypto/SecretToken.h"
#include "core/crypto/SecureRandom.h"

#include <QSet>
#include <QTest>

using namespace cqrs;

class TestSecretToken : public QObject
{
    Q_OBJECT

private slots:
    void generatedTokensAreWellFormedAndDistinct();
    void wellFormedness_data();
    void wellFormedness();
    void storageHashIsSha256Hex();
    void constantTimeComparison();
    void randomBytes();
};

void TestSecretToken::generatedTokensAreWellFormedAndDistinct()
{
    QSet<QString> seen;
    for (int i = 0; i < 1000; ++i) {
        const QString token = SecretToken::generate();
        QCOMPARE(token.size(), 43);
        QVERIFY2(SecretToken::isWellFormed(token), qPrintable(token));
        seen.insert(token);
    }
    QCOMPARE(seen.size(), 1000);
}

void TestSecretToken::wellFormedness_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("ok");
    const QString valid = QStringLiteral("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN-_0");
    QTest::newRow("valid") << valid << true;
    QTest::newRow("all A") << QString(43, QLatin1Char('A')) << true;
    QTest::newRow("42 characters") << valid.left(42) << false;
    QTest::newRow("44 characters") << valid + QLatin1Char('A') << false;
    QTest::newRow("padding") << valid.left(42) + QLatin1Char('=') << false;
    QTest::newRow("plus") << valid.left(42) + QLatin1Char('+') << false;
    QTest::newRow("slash") << valid.left(42) + QLatin1Char('/') << false;
    QTest::newRow("space") << valid.left(42) + QLatin1Char(' ') << false;
    QTest::newRow("percent") << valid.left(42) + QLatin1Char('%') << false;
    QTest::newRow("non-ASCII letter") << valid.left(42) + QChar(u'\u00E9') << false;
    QTest::newRow("fullwidth digit") << valid.left(42) + QChar(u'\uFF10') << false;
    QTest::newRow("empty") << QString() << false;
}

void TestSecretToken::wellFormedness()
{
    QFETCH(QString, token);
    QFETCH(bool, ok);
    QCOMPARE(SecretToken::isWellFormed(token), ok);
}

void TestSecretToken::storageHashIsSha256Hex()
{
    QCOMPARE(SecretToken::storageHash(u"abc"),
             QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    const QString token = SecretToken::generate();
    QVERIFY(!SecretToken::storageHash(token).contains(token.toLatin1()));
}

void TestSecretToken::constantTimeComparison()
{
    QVERIFY(equalInConstantTime("same secret", "same secret"));
    QVERIFY(!equalInConstantTime("same secret", "same secreT"));
    QVERIFY(!equalInConstantTime("same secret", "same secret!"));
    QVERIFY(!equalInConstantTime("", "x"));
    QVERIFY(equalInConstantTime("", ""));
}

void TestSecretToken::randomBytes()
{
    QCOMPARE(SecureRandom::bytes(0).size(), 0);
    QCOMPARE(SecureRandom::bytes(32).size(), 32);
    QVERIFY(SecureRandom::bytes(32) != SecureRandom::bytes(32));
    const QString encoded = SecureRandom::base64Url(16);
    QCOMPARE(encoded.size(), 22);
    QVERIFY(!encoded.contains(QLatin1Char('=')));
}

QTEST_APPLESS_MAIN(TestSecretToken)
#include "tst_secrettoken.moc"
