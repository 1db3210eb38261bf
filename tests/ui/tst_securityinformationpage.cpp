#include "ui/NewPasswordForm.h"
#include "ui/PasswordChecklist.h"
#include "ui/PasswordStrengthMeter.h"
#include "ui/SecurityInformationPage.h"
#include "ui/StatusMessage.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using cqrs::PasswordPolicy;
using cqrs::PasswordStrength;
using cqrs::PolicyRule;
using cqrs::ui::PasswordChecklist;
using cqrs::ui::SecurityInformationPage;
using State = PasswordChecklist::State;

// Drives the real Security Information screen the way a person does: key by key.
class TestSecurityInformationPage : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void showsWhoIsRegisteringAndThePolicy();
    void checklistFollowsEachKeystroke();
    void confirmationMismatchShows();
    void submitEnablesExactlyWhenAllLocalRulesPass();
    void userIdInPasswordIsCrossed();
    void commonPasswordIsCrossedAndRatedWeak();
    void organisationInPasswordIsCrossed();
    void strongPassphraseIsRatedStrong();
    void checklistShowsExactlyTheServersRules();
    void nonAsciiCountsAsCodePoints();
    void enterSubmitsOnlyAnAcceptablePassword();
    void showToggleRevealsBothFields();
    void serverRejectionMarksTheNamedRules();
    void itemsNeverRelyOnColourAlone();
    void keyboardOrderFollowsThePage();

private:
    void type(const QString &text, QLineEdit *field = nullptr);
    State state(PolicyRule rule) const;

    std::unique_ptr<SecurityInformationPage> page;
    QLineEdit *password = nullptr;
    QLineEdit *confirmation = nullptr;
    PasswordChecklist *checklist = nullptr;
};

void TestSecurityInformationPage::init()
{
    page = std::make_unique<SecurityInformationPage>();
    page->start(SecurityInformationPage::Purpose::Register,
                {QStringLiteral("john.smith"), QStringLiteral("John Smith"),
                 QStringLiteral("Riverside Surgery (A81001)")},
                PasswordPolicy {});
    page->show();
    page->activateWindow();
    QVERIFY(QTest::qWaitForWindowExposed(page.get()));
    password = page->form()->passwordField();
    confirmation = page->form()->confirmationField();
    checklist = page->form()->checklist();
}

void TestSecurityInformationPage::cleanup()
{
    page.reset();
}

void TestSecurityInformationPage::type(const QString &text, QLineEdit *field)
{
    QLineEdit *target = field ? field : password;
    target->setFocus();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.unicode() < 0x80) {
            QTest::keyClick(target, c.toLatin1());
            continue;
        }
        // keyClicks aborts on non-ASCII in Qt 6.4; a surrogate pair is one key press.
        const qsizetype units = c.isHighSurrogate() ? 2 : 1;
        QTest::sendKeyEvent(QTest::Click, target, Qt::Key_unknown, text.mid(i, units),
                            Qt::NoModifier);
        i += units - 1;
    }
}

State TestSecurityInformationPage::state(PolicyRule rule) const
{
    return checklist->stateOf(rule);
}

void TestSecurityInformationPage::showsWhoIsRegisteringAndThePolicy()
{
    QCOMPARE(page->userIdLabel()->text(), QStringLiteral("john.smith"));
    QCOMPARE(page->nameLabel()->text(), QStringLiteral("John Smith"));
    const PasswordPolicy policy;
    for (PolicyRule rule : cqrs::locallyJudgedRules() + cqrs::serverJudgedRules()) {
        QVERIFY2(checklist->itemFor(rule)->text().contains(policy.describe(rule)),
                 qPrintable(cqrs::ruleId(rule)));
        QCOMPARE(state(rule), State::Pending);
    }
    QVERIFY(checklist->itemFor(PolicyRule::History)->text().contains(QStringLiteral("submit")));
    QVERIFY(!page->submitButton()->isEnabled());
}

void TestSecurityInformationPage::checklistFollowsEachKeystroke()
{
    // Each step: the text typed so far and the expected length / categories verdicts.
    struct Step
    {
        char key;
        State length;
        State categories;
    };
    const Step steps[] = {
        {'p', State::NotMet, State::NotMet}, {'a', State::NotMet, State::NotMet},
        {'r', State::NotMet, State::NotMet}, {'k', State::NotMet, State::NotMet},
        {'B', State::NotMet, State::NotMet}, {'e', State::NotMet, State::NotMet},
        {'n', State::NotMet, State::NotMet}, {'7', State::Met, State::Met},
        {'!', State::Met, State::Met},
    };
    for (const Step &step : steps) {
        QTest::keyClick(password, step.key);
        QCOMPARE(state(PolicyRule::Length), step.length);
        QCOMPARE(state(PolicyRule::Categories), step.categories);
        QCOMPARE(state(PolicyRule::UserId), State::Met);
        QCOMPARE(state(PolicyRule::Characters), State::Met);
        QCOMPARE(state(PolicyRule::History), State::Pending);
    }
    QCOMPARE(password->text(), QStringLiteral("parkBen7!"));
    // Deleting back below the minimum crosses the length rule again.
    QTest::keyClick(password, Qt::Key_Backspace);
    QCOMPARE(state(PolicyRule::Length), State::Met);
    QTest::keyClick(password, Qt::Key_Backspace);
    QCOMPARE(state(PolicyRule::Length), State::NotMet);
}

void TestSecurityInformationPage::confirmationMismatchShows()
{
    type(QStringLiteral("parkBench7!"));
    QCOMPARE(state(PolicyRule::Confirmation), State::NotMet);
    type(QStringLiteral("parkBench7"), confirmation);
    QCOMPARE(state(PolicyRule::Confirmation), State::NotMet);
    QVERIFY(
        checklist->itemFor(PolicyRule::Confirmation)->text().contains(QStringLiteral("Not met")));
    QTest::keyClick(confirmation, '!');
    QCOMPARE(state(PolicyRule::Confirmation), State::Met);
    QTest::keyClick(confirmation, '?');
    QCOMPARE(state(PolicyRule::Confirmation), State::NotMet);
}

void TestSecurityInformationPage::submitEnablesExactlyWhenAllLocalRulesPass()
{
    QPushButton *submit = page->submitButton();
    type(QStringLiteral("parkBench7!"));
    QVERIFY(!submit->isEnabled());
    const QString confirmationText = QStringLiteral("parkBench7!");
    for (qsizetype i = 0; i < confirmationText.size(); ++i) {
        QVERIFY(!submit->isEnabled());
        QTest::keyClick(confirmation, confirmationText.at(i).toLatin1());
    }
    QVERIFY(submit->isEnabled());
    // One character more in the password breaks the match: Submit goes off again.
    QTest::keyClick(password, 'x');
    QVERIFY(!submit->isEnabled());
    QTest::keyClick(password, Qt::Key_Backspace);
    QVERIFY(submit->isEnabled());

    QSignalSpy submitted(page.get(), &SecurityInformationPage::submitted);
    QTest::mouseClick(submit, Qt::LeftButton);
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(submitted.first().first().toString(), QStringLiteral("parkBench7!"));
}

void TestSecurityInformationPage::userIdInPasswordIsCrossed()
{
    type(QStringLiteral("Smith2024!"));
    QCOMPARE(state(PolicyRule::UserId), State::NotMet);
    QCOMPARE(state(PolicyRule::Length), State::Met);
    type(QStringLiteral("Smith2024!"), confirmation);
    QVERIFY(!page->submitButton()->isEnabled());
}

void TestSecurityInformationPage::commonPasswordIsCrossedAndRatedWeak()
{
    type(QStringLiteral("Summer2025!"));
    // The seed's own rules pass it; only the common-password rule stops it.
    QCOMPARE(state(PolicyRule::Length), State::Met);
    QCOMPARE(state(PolicyRule::Categories), State::Met);
    QCOMPARE(state(PolicyRule::CommonPassword), State::NotMet);
    type(QStringLiteral("Summer2025!"), confirmation);
    QVERIFY(!page->submitButton()->isEnabled());

    const auto *meter = page->strengthMeter();
    QVERIFY(meter->level() <= PasswordStrength::Level::Weak);
    QVERIFY2(meter->summaryLabel()->text().contains(QStringLiteral("eak")),
             qPrintable(meter->summaryLabel()->text()));
    QVERIFY(!meter->tipLabel()->text().isEmpty());
    // Words, not colour alone, and an accessible name and value for the bar.
    QCOMPARE(meter->bar()->accessibleName(), QStringLiteral("Password strength"));
    QCOMPARE(meter->bar()->value(), int(meter->level()));
    QCOMPARE(meter->bar()->accessibleDescription(), meter->summaryLabel()->text());
}

void TestSecurityInformationPage::organisationInPasswordIsCrossed()
{
    type(QStringLiteral("Riverside1!"));
    QCOMPARE(state(PolicyRule::ContextWords), State::NotMet);
    QVERIFY(checklist->itemFor(PolicyRule::ContextWords)
                ->text()
                .contains(QStringLiteral("\"riverside\"")));
    QCOMPARE(state(PolicyRule::CommonPassword), State::Met);
}

void TestSecurityInformationPage::strongPassphraseIsRatedStrong()
{
    type(QStringLiteral("Kettle orbit lantern mauve 9"));
    QCOMPARE(page->strengthMeter()->level(), PasswordStrength::Level::Strong);
    QVERIFY(page->strengthMeter()->tipLabel()->isHidden());
}

void TestSecurityInformationPage::checklistShowsExactlyTheServersRules()
{
    const PasswordPolicy nist = *PasswordPolicy::named(u"nist");
    page->start(SecurityInformationPage::Purpose::Register, {QStringLiteral("john.smith"), {}, {}},
                nist);
    for (PolicyRule rule : cqrs::locallyJudgedRules() + cqrs::serverJudgedRules()) {
        const bool shown = nist.enforces(rule) || rule == PolicyRule::Confirmation;
        QCOMPARE(checklist->itemFor(rule) != nullptr, shown);
    }
    QVERIFY(checklist->itemFor(PolicyRule::Length)->text().contains(QStringLiteral("15 and 64")));
    QCOMPARE(checklist->findChildren<QLabel *>().size(), nist.rules.size() + 1);
    // A 15-character passphrase of small letters and spaces is enough.
    type(QStringLiteral("kettle orbit up"));
    type(QStringLiteral("kettle orbit up"), confirmation);
    QVERIFY(page->submitButton()->isEnabled());
}

void TestSecurityInformationPage::nonAsciiCountsAsCodePoints()
{
    // Seven code points, one of them outside the BMP: too short, though 8 UTF-16 units.
    type(QStringLiteral("Éclair") + QString::fromUcs4(U"\U0001F600"));
    QCOMPARE(password->text().size(), 8);
    QCOMPARE(state(PolicyRule::Length), State::NotMet);
    type(QStringLiteral("9"));
    QCOMPARE(state(PolicyRule::Length), State::Met);
    QCOMPARE(state(PolicyRule::Categories), State::Met);
}

void TestSecurityInformationPage::enterSubmitsOnlyAnAcceptablePassword()
{
    QSignalSpy submitted(page.get(), &SecurityInformationPage::submitted);
    type(QStringLiteral("short"));
    QTest::keyClick(password, Qt::Key_Return);
    QCOMPARE(submitted.size(), 0);
    password->clear();
    type(QStringLiteral("parkBench7!"));
    type(QStringLiteral("parkBench7!"), confirmation);
    QTest::keyClick(confirmation, Qt::Key_Return);
    QCOMPARE(submitted.size(), 1);
}

void TestSecurityInformationPage::showToggleRevealsBothFields()
{
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QTest::mouseClick(page->form()->showToggle(), Qt::LeftButton);
    QCOMPARE(password->echoMode(), QLineEdit::Normal);
    QCOMPARE(confirmation->echoMode(), QLineEdit::Normal);
    QTest::mouseClick(page->form()->showToggle(), Qt::LeftButton);
    QCOMPARE(confirmation->echoMode(), QLineEdit::Password);
}

void TestSecurityInformationPage::serverRejectionMarksTheNamedRules()
{
    type(QStringLiteral("parkBench7!"));
    type(QStringLiteral("parkBench7!"), confirmation);
    page->showBusy(QStringLiteral("Saving"));
    QVERIFY(!page->submitButton()->isEnabled());
    page->showRefusal(QStringLiteral("Refused"),
                      {QStringLiteral("history"), QStringLiteral("no-such-rule")});
    QCOMPARE(state(PolicyRule::History), State::NotMet);
    // The server names every rule broken: those of its rules it did not name were met.
    for (PolicyRule rule : cqrs::serverJudgedRules()) {
        if (rule != PolicyRule::History)
            QCOMPARE(state(rule), State::Met);
    }
    QCOMPARE(state(PolicyRule::Length), State::Met);
    QVERIFY(page->status()->isError());
    QCOMPARE(page->status()->accessibleDescription(), QStringLiteral("Refused"));
    QVERIFY(page->submitButton()->isEnabled());
    // A changed candidate is no longer the one the server judged.
    QTest::keyClick(password, 'x');
    QCOMPARE(state(PolicyRule::History), State::Pending);
    QCOMPARE(state(PolicyRule::MinAge), State::Pending);

    // A refusal naming no rule (no answer, say) judged none of the server's rules.
    page->showRefusal(QStringLiteral("No answer"), {});
    for (PolicyRule rule : cqrs::serverJudgedRules())
        QCOMPARE(state(rule), State::Pending);
}

void TestSecurityInformationPage::itemsNeverRelyOnColourAlone()
{
    type(QStringLiteral("ab"));
    const QString crossed = checklist->itemFor(PolicyRule::Length)->text();
    QVERIFY(crossed.startsWith(QChar(0x2718)));
    QVERIFY(crossed.contains(QStringLiteral("Not met")));
    QVERIFY(checklist->itemFor(PolicyRule::Characters)
                ->accessibleName()
                .contains(QStringLiteral("Met")));
}

void TestSecurityInformationPage::keyboardOrderFollowsThePage()
{
    QTRY_VERIFY(password->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(confirmation->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(page->form()->showToggle()->hasFocus());
    // Space on the focused toggle shows the passwords: no mouse needed.
    QTest::keyClick(page->form()->showToggle(), Qt::Key_Space);
    QCOMPARE(password->echoMode(), QLineEdit::Normal);
}

QTEST_MAIN(TestSecurityInformationPage)
#include "tst_securityinformationpage.moc"
