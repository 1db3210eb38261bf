#include "tests/support/FindWidget.h"
#include "ui/HomePage.h"
#include "ui/MessagePage.h"
#include "ui/SecurityInformationPage.h"

#include <QLabel>
#include <QTest>

using cqrs::PasswordPolicy;
using cqrs::ui::HomePage;
using cqrs::ui::MessagePage;
using cqrs::ui::SecurityInformationPage;

namespace {

// Markup in a name from the server: it must show as typed, never bold, never a link.
const QString Markup = QStringLiteral("<b>x</b> <a href=\"https://evil.example\">y</a>");

bool showsLiterally(const QLabel *label, const QString &text)
{
    return label->textFormat() == Qt::PlainText && label->text() == text;
}

} // namespace

// What the server sends is shown exactly as given on every screen that shows it.
class TestServerData : public QObject
{
    Q_OBJECT

private slots:
    void homePageShowsThePersonLiterally()
    {
        HomePage home;
        home.showPerson({Markup, Markup, Markup, Markup});
        for (const char *name : {"displayName", "userId", "organisation", "role"})
            QVERIFY2(showsLiterally(label(&home, name), Markup), name);
        const auto *title = home.findChild<QLabel *>(QStringLiteral("pageTitle"));
        QVERIFY(title);
        QCOMPARE(title->textFormat(), Qt::PlainText);
        QVERIFY(title->text().contains(Markup));
    }

    void securityInformationShowsWhoLiterally()
    {
        SecurityInformationPage page;
        page.start(SecurityInformationPage::Purpose::Register, {Markup, Markup, Markup},
                   PasswordPolicy {});
        QVERIFY(showsLiterally(label(&page, "userId"), Markup));
        QVERIFY(showsLiterally(label(&page, "displayName"), Markup));
    }

    void messagePageShowsTheProblemLiterally()
    {
        MessagePage page;
        page.showProblem(Markup, Markup);
        QVERIFY(showsLiterally(label(&page, "pageTitle"), Markup));
        QVERIFY(showsLiterally(label(&page, "messageText"), Markup));
    }
};

QTEST_MAIN(TestServerData)
#include "tst_serverdata.moc"
