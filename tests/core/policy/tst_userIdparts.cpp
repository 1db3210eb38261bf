#include "core/policy/UserIdParts.h"

#include <QTest>

using namespace cqrs;

namespace {

QString s(const char8_t *utf8)
{
    return QString::fromUtf8(utf8);
}

} // namespace

class TestUserIdParts : public QObject
{
    Q_OBJECT

private slots:
    void fragments_data();
    void fragments();
    void minimumPartLengthIsAParameter();
    void caseFolding_data();
    void caseFolding();
};

void TestUserIdParts::fragments_data()
{
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("dot") << s(u8"john.smith")
                         << QStringList {s(u8"john.smith"), s(u8"smith"), s(u8"john")};
    QTest::newRow("letters then digits")
        << s(u8"jsmith01") << QStringList {s(u8"jsmith01"), s(u8"jsmith")};
    QTest::newRow("digit run kept")
        << s(u8"abc123def") << QStringList {s(u8"abc123def"), s(u8"123"), s(u8"abc"), s(u8"def")};
    QTest::newRow("all parts short") << s(u8"ab.cd") << QStringList {s(u8"ab.cd")};
    QTest::newRow("alternating") << s(u8"a1b2c3") << QStringList {s(u8"a1b2c3")};
    QTest::newRow("too short") << s(u8"ab") << QStringList {};
    QTest::newRow("exactly three") << s(u8"abc") << QStringList {s(u8"abc")};
    QTest::newRow("empty") << QString() << QStringList {};
    QTest::newRow("only delimiters") << s(u8"...---") << QStringList {s(u8"...---")};
    QTest::newRow("folded, no duplicates")
        << s(u8"ABC.abc") << QStringList {s(u8"abc.abc"), s(u8"abc")};
    QTest::newRow("non-ASCII letters")
        << s(u8"MÜLLER-Karl") << QStringList {s(u8"müller-karl"), s(u8"müller"), s(u8"karl")};
    QTest::newRow("combining accent stays in its part")
        << s(u8"rene\u0301.dupont") << QStringList {s(u8"rené.dupont"), s(u8"dupont"), s(u8"rené")};
    QTest::newRow("email-like") << s(u8"j.smith@practice-a81001")
                                << QStringList {s(u8"j.smith@practice-a81001"), s(u8"practice"),
                                                s(u8"81001"), s(u8"smith")};
}

void TestUserIdParts::fragments()
{
    QFETCH(QString, userId);
    QFETCH(QStringList, expected);
    QCOMPARE(forbiddenUserIdFragments(userId, 3), expected);
}

void TestUserIdParts::minimumPartLengthIsAParameter()
{
    QCOMPARE(forbiddenUserIdFragments(u"ab.cd", 2),
             (QStringList {s(u8"ab.cd"), s(u8"ab"), s(u8"cd")}));
    QCOMPARE(forbiddenUserIdFragments(u"john.smith", 5),
             (QStringList {s(u8"john.smith"), s(u8"smith")}));
}

void TestUserIdParts::caseFolding_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::newRow("ASCII") << s(u8"SMITH") << s(u8"smith");
    QTest::newRow("sharp s") << s(u8"STRASSE") << s(u8"straße");
    QTest::newRow("ligature") << s(u8"FILE") << s(u8"ﬁle");
    QTest::newRow("final sigma") << s(u8"ΣΩΚΡΆΤΗΣ") << s(u8"σωκράτης");
    QTest::newRow("composed and decomposed") << s(u8"e\u0301") << s(u8"\u00E9");
}

void TestUserIdParts::caseFolding()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QCOMPARE(caseFolded(a), caseFolded(b));
}

QTEST_APPLESS_MAIN(TestUserIdParts)
#include "tst_userIdparts.moc"
