#include "app/CommandLine.h"

#include <QTest>

using cqrs::app::CommandLine;
using Action = CommandLine::Action;

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void linkAfterDoubleDashIsNeverAnOption();
    void linkWithoutDoubleDash();
    void serverOption();
    void refusals_data();
    void refusals();
    void helpNamesTheProgram();

private:
    static CommandLine parse(QStringList arguments)
    {
        arguments.prepend(QStringLiteral("cqrs-desktop"));
        return CommandLine::parse(arguments);
    }
};

void TestCommandLine::linkAfterDoubleDashIsNeverAnOption()
{
    // What the Windows URL handler runs for a link crafted to look like an option.
    const CommandLine line
        = parse({QStringLiteral("--"), QStringLiteral("--server=https://evil.example")});
    QCOMPARE(line.action, Action::Run);
    QVERIFY(line.server.isEmpty());
    QCOMPARE(line.link, std::optional<QString>(QStringLiteral("--server=https://evil.example")));

    const CommandLine help = parse({QStringLiteral("--"), QStringLiteral("--help")});
    QCOMPARE(help.action, Action::Run);
    QCOMPARE(help.link, std::optional<QString>(QStringLiteral("--help")));
}

void TestCommandLine::linkWithoutDoubleDash()
{
    // Spaces and line breaks around a pasted link are not part of it.
    const CommandLine pasted = parse({QStringLiteral(" cqrs://register?token=abc\r\n")});
    QCOMPARE(pasted.link, std::optional<QString>(QStringLiteral("cqrs://register?token=abc")));

    const CommandLine line = parse({QStringLiteral("cqrs://register?token=abc")});
    QCOMPARE(line.action, Action::Run);
    QCOMPARE(line.link, std::optional<QString>(QStringLiteral("cqrs://register?token=abc")));
    QVERIFY(!parse({}).link);
    // An empty link is none: a second launch just brings the first window forward.
    QVERIFY(!parse({QStringLiteral("--"), QString()}).link);
    QVERIFY(!parse({QStringLiteral(" \n")}).link);
}

void TestCommandLine::serverOption()
{
    const CommandLine line
        = parse({QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:8080"),
                 QStringLiteral("--"), QStringLiteral("cqrs://reset?token=x")});
    QCOMPARE(line.action, Action::Run);
    QCOMPARE(line.server, QUrl(QStringLiteral("http://127.0.0.1:8080")));
    QCOMPARE(line.link, std::optional<QString>(QStringLiteral("cqrs://reset?token=x")));
}

void TestCommandLine::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown option") << QStringList {QStringLiteral("--bogus")};
    QTest::newRow("two links") << QStringList {QStringLiteral("--"), QStringLiteral("a"),
                                               QStringLiteral("b")};
    QTest::newRow("server without value") << QStringList {QStringLiteral("--server")};
    QTest::newRow("server over plain http")
        << QStringList {QStringLiteral("--server"), QStringLiteral("http://cqrs.example.com")};
    QTest::newRow("server not a URL")
        << QStringList {QStringLiteral("--server"), QStringLiteral("cqrs example")};
    QTest::newRow("server with a password") << QStringList {
        QStringLiteral("--server"), QStringLiteral("https://user:hunter2@cqrs.example.com/")};
}

void TestCommandLine::refusals()
{
    QFETCH(QStringList, arguments);
    const CommandLine line = parse(arguments);
    QCOMPARE(line.action, Action::Fail);
    QVERIFY(!line.message.isEmpty());
    QVERIFY(!line.message.contains(QStringLiteral("hunter2")));
    // Said for what it is: an https address with a password is not "not https".
    if (arguments.last().contains(QLatin1Char('@')))
        QVERIFY2(line.message.contains(QStringLiteral("password")), qPrintable(line.message));
}

void TestCommandLine::helpNamesTheProgram()
{
    for (const char *option : {"--help", "-h", "--help-all"}) {
        const CommandLine line = parse({QString::fromLatin1(option)});
        QCOMPARE(line.action, Action::ShowHelp);
        QVERIFY(line.message.contains(QStringLiteral("cqrs-desktop")));
        QVERIFY(line.message.contains(QStringLiteral("--server")));
    }
}

QTEST_APPLESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
