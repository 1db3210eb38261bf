#include "tests/support/FindWidget.h"
#include "ui/PasswordChecklist.h"
#include "ui/PasswordStrengthMeter.h"
#include "ui/RequestFeedback.h"
#include "ui/SecurityInformationPage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
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
    void nonAsciiCountsAsCodePoints();
    void enterSubmitsOnlyAnAcceptablePassword();
    void showToggleRevealsBothFields();
    void onlyARegistrationLeavesOutRulesAboutEarlierPasswords();
    void aSpaceAtEitherEndIsPointedOut();
    void everyShortcutKeyIsTakenOnce();
    void serverRejectionMarksTheNamedRules();
    void itemsNeverRelyOnColourAlone();
    void keyboardOrderFollowsThePage();
    void commonPasswordIsCrossedAndRatedWeak();
    void organisationInPasswordIsCrossed();
    void strongPassphraseIsRatedStrong();
    void checklistShowsExactlyTheServersRules();

private:
    void type(const QString &text, QLineEdit *field = nullptr);
    State state(PolicyRule rule) const;
    QLabel *ruleItem(PolicyRule rule) const
    {
        return label(checklist, qPrintable(QStringLiteral("rule-") + cqrs::ruleId(rule)));
    }

    std::unique_ptr<SecurityInformationPage> page;
    QLineEdit *password = nullptr;
    QLineEdit *confirmation = nullptr;
    PasswordChecklist *checklist = nullptr;
};

void TestSecurityInformationPage::init()
{
    page = std::make_unique<SecurityInformationPage>();
    // A reset: every rule of the policy shows (a registration leaves some out, tested below).
    page->start(SecurityInformationPage::Purpose::Reset,
                {QStringLiteral("john.smith"), QStringLiteral("John Smith"),
                 QStringLiteral("Riverside Surgery (A81001)")},
                PasswordPolicy {});
    page->show();
    page->activateWindow();
    QVERIFY(QTest::qWaitForWindowExposed(page.get()));
    password = field(page.get(), "newPassword");
    confirmation = field(page.get(), "confirmPassword");
    checklist = widget<PasswordChecklist>(page.get(), "passwordChecklist");
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
    QCOMPARE(label(page.get(), "userId")->text(), QStringLiteral("john.smith"));
    QCOMPARE(label(page.get(), "displayName")->text(), QStringLiteral("John Smith"));
    const PasswordPolicy policy;
    for (PolicyRule rule : cqrs::locallyJudgedRules() + cqrs::serverJudgedRules()) {
        QVERIFY2(ruleItem(rule)->text().contains(policy.describe(rule)),
                 qPrintable(cqrs::ruleId(rule)));
        QCOMPARE(state(rule), State::Pending);
    }
    QVERIFY(ruleItem(PolicyRule::History)->text().contains(QStringLiteral("submit")));
    QVERIFY(!button(page.get(), "submit")->isEnabled());
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
    QVERIFY(ruleItem(PolicyRule::Confirmation)->text().contains(QStringLiteral("Not met")));
    QTest::keyClick(confirmation, '!');
    QCOMPARE(state(PolicyRule::Confirmation), State::Met);
    QTest::keyClick(confirmation, '?');
    QCOMPARE(state(PolicyRule::Confirmation), State::NotMet);
}

void TestSecurityInformationPage::submitEnablesExactlyWhenAllLocalRulesPass()
{
    QPushButton *submit = button(page.get(), "submit");
    type(QStringLiteral("parkBench7!"));
    QVERIFY(!submit->isEnabled());
    const QString confirmationText = QStringLiteral("parkBench7!");
    for (const QChar c : confirmationText) {
        QVERIFY(!submit->isEnabled());
        QTest::keyClick(confirmation, c.toLatin1());
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
    QVERIFY(!button(page.get(), "submit")->isEnabled());
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
    QTest::mouseClick(checkBox(page.get(), "showPasswords"), Qt::LeftButton);
    QCOMPARE(password->echoMode(), QLineEdit::Normal);
    QCOMPARE(confirmation->echoMode(), QLineEdit::Normal);
    QTest::mouseClick(checkBox(page.get(), "showPasswords"), Qt::LeftButton);
    QCOMPARE(confirmation->echoMode(), QLineEdit::Password);
}

void TestSecurityInformationPage::serverRejectionMarksTheNamedRules()
{
    type(QStringLiteral("parkBench7!"));
    type(QStringLiteral("parkBench7!"), confirmation);
    page->feedback()->showBusy(QStringLiteral("Saving"));
    QVERIFY(!button(page.get(), "submit")->isEnabled());
    page->showRefusal(QStringLiteral("Refused"),
                      {QStringLiteral("history"), QStringLiteral("no-such-rule")});
    QCOMPARE(state(PolicyRule::History), State::NotMet);
    // The server names every rule broken: those of its rules it did not name were met.
    for (PolicyRule rule : cqrs::serverJudgedRules()) {
        if (rule != PolicyRule::History)
            QCOMPARE(state(rule), State::Met);
    }
    QCOMPARE(state(PolicyRule::Length), State::Met);
    QVERIFY(status(page.get())->isError());
    QCOMPARE(status(page.get())->accessibleDescription(), QStringLiteral("Refused"));
    QVERIFY(button(page.get(), "submit")->isEnabled());
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
    const QString crossed = ruleItem(PolicyRule::Length)->text();
    QVERIFY(crossed.startsWith(QChar(0x2718)));
    QVERIFY(crossed.contains(QStringLiteral("Not met")));
    QVERIFY(ruleItem(PolicyRule::Characters)->accessibleName().contains(QStringLiteral("Met")));
}

void TestSecurityInformationPage::keyboardOrderFollowsThePage()
{
    QTRY_VERIFY(password->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(confirmation->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QVERIFY(checkBox(page.get(), "showPasswords")->hasFocus());
    // Space on the focused toggle shows the passwords: no mouse needed.
    QTest::keyClick(checkBox(page.get(), "showPasswords"), Qt::Key_Space);
    QCOMPARE(password->echoMode(), QLineEdit::Normal);
}

void TestSecurityInformationPage::commonPasswordIsCrossedAndRatedWeak()
{
    type(QStringLiteral("Summer2025!"));
    // The seed's own rules pass it; only the common-password rule stops it.
    QCOMPARE(state(PolicyRule::Length), State::Met);
    QCOMPARE(state(PolicyRule::Categories), State::Met);
    QCOMPARE(state(PolicyRule::CommonPassword), State::NotMet);
    type(QStringLiteral("Summer2025!"), confirmation);
    QVERIFY(!button(page.get(), "submit")->isEnabled());

    const auto *meter = widget<cqrs::ui::PasswordStrengthMeter>(page.get(), "passwordStrength");
    const QLabel *summary = label(meter, "strengthSummary");
    QVERIFY(meter->level() <= PasswordStrength::Level::Weak);
    QVERIFY2(summary->text().contains(QStringLiteral("eak")), qPrintable(summary->text()));
    QVERIFY(!label(meter, "strengthTip")->text().isEmpty());
    // Words, not colour alone, and an accessible name and value for the bar.
    const auto *bar = widget<QProgressBar>(meter, "strengthBar");
    QCOMPARE(bar->accessibleName(), QStringLiteral("Password strength"));
    QCOMPARE(bar->value(), int(meter->level()));
    QCOMPARE(bar->accessibleDescription(), summary->text());
}

void TestSecurityInformationPage::organisationInPasswordIsCrossed()
{
    type(QStringLiteral("Riverside1!"));
    QCOMPARE(state(PolicyRule::ContextWords), State::NotMet);
    QVERIFY(ruleItem(PolicyRule::ContextWords)->text().contains(QStringLiteral("\"riverside\"")));
    QCOMPARE(state(PolicyRule::CommonPassword), State::Met);
}

void TestSecurityInformationPage::strongPassphraseIsRatedStrong()
{
    type(QStringLiteral("Kettle orbit lantern mauve 9"));
    const auto *meter = widget<cqrs::ui::PasswordStrengthMeter>(page.get(), "passwordStrength");
    QCOMPARE(meter->level(), PasswordStrength::Level::Strong);
    QVERIFY(label(meter, "strengthTip")->isHidden());
}

void TestSecurityInformationPage::checklistShowsExactlyTheServersRules()
{
    const PasswordPolicy nist = *PasswordPolicy::named(u"nist");
    page->start(SecurityInformationPage::Purpose::Reset, {QStringLiteral("john.smith"), {}, {}},
                nist);
    for (PolicyRule rule : cqrs::locallyJudgedRules() + cqrs::serverJudgedRules()) {
        const bool shown = nist.enforces(rule) || rule == PolicyRule::Confirmation;
        const QString name = QStringLiteral("rule-") + cqrs::ruleId(rule);
        QCOMPARE(checklist->findChild<QLabel *>(name) != nullptr, shown);
    }
    QVERIFY(ruleItem(PolicyRule::Length)->text().contains(QStringLiteral("15 and 64")));
    QCOMPARE(checklist->findChildren<QLabel *>().size(), nist.rules.size() + 1);
    // A 15-character passphrase of small letters and spaces is enough.
    type(QStringLiteral("kettle orbit up"));
    type(QStringLiteral("kettle orbit up"), confirmation);
    QVERIFY(button(page.get(), "submit")->isEnabled());
}

void TestSecurityInformationPage::onlyARegistrationLeavesOutRulesAboutEarlierPasswords()
{
    const QStringList aboutEarlier {QStringLiteral("rule-not-current"),
                                    QStringLiteral("rule-history"), QStringLiteral("rule-min-age")};
    page->start(SecurityInformationPage::Purpose::Register, {QStringLiteral("john.smith"), {}, {}},
                PasswordPolicy {});
    for (const QString &name : aboutEarlier)
        QVERIFY2(!page->findChild<QLabel *>(name), qPrintable(name));
    page->start(SecurityInformationPage::Purpose::Reset, {QStringLiteral("john.smith"), {}, {}},
                PasswordPolicy {});
    for (const QString &name : aboutEarlier)
        QVERIFY2(page->findChild<QLabel *>(name), qPrintable(name));
}

// Pasted with a trailing space, the password met every rule and was registered; the person then
// could not sign in with what they thought it was.
void TestSecurityInformationPage::aSpaceAtEitherEndIsPointedOut()
{
    const QLabel *note = label(page.get(), "spaceAtEnd");
    type(QStringLiteral("Kettle-orbit-lamp-42"));
    QVERIFY(!note->isVisible());
    type(QStringLiteral(" "));
    QVERIFY(note->isVisible());
    QVERIFY(note->text().contains(QStringLiteral("ends with a space")));
    QTest::keyClick(password, Qt::Key_Backspace);
    QVERIFY(!note->isVisible());
    QTest::keyClick(password, Qt::Key_Home);
    QTest::keyClick(password, Qt::Key_Space);
    QVERIFY(note->text().contains(QStringLiteral("starts with a space")));
    QVERIFY(note->isVisible());
}

// Alt+letter on the reset screen pressed two controls ("&Set new password", "&Show passwords").
void TestSecurityInformationPage::everyShortcutKeyIsTakenOnce()
{
    for (const auto purpose :
         {SecurityInformationPage::Purpose::Register, SecurityInformationPage::Purpose::Reset}) {
        page->start(purpose, {QStringLiteral("john.smith"), {}, {}}, PasswordPolicy {});
        QStringList texts;
        for (const QAbstractButton *control : page->findChildren<QAbstractButton *>())
            texts.append(control->text());
        for (const QLabel *caption : page->findChildren<QLabel *>())
            texts.append(caption->text());
        QSet<QChar> keys;
        for (const QString &text : texts) {
            const QString plain = QString(text).remove(QStringLiteral("&&"));
            const qsizetype at = plain.indexOf(u'&');
            if (at < 0 || at + 1 >= plain.size())
                continue;
            const QChar key = plain.at(at + 1).toLower();
            QVERIFY2(!keys.contains(key), qPrintable(text));
            keys.insert(key);
        }
        QVERIFY(button(page.get(), "backToSignIn")->text().contains(u'&'));
    }
}

QTEST_MAIN(TestSecurityInformationPage)
#include "tst_securityinformationpage.moc"
