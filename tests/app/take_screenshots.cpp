// Drives the real app through the journey against the real server-stub and saves a PNG of each
// screen, for docs/screenshots/. Not a test: run it under Xvfb, at scale 1 and 2:
//   xvfb-run -a -s "-screen 0 2560x2048x24" cqrs-take-screenshots docs/screenshots
//   QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 2560x2048x24" cqrs-take-screenshots
//   docs/screenshots @2x
#include "app/AppController.h"
#include "core/settings/ServiceSettings.h"
#include "tests/support/FindWidget.h"
#include "tests/support/StubClient.h"
#include "tests/support/StubProcess.h"
#include "ui/ChangePasswordDialog.h"
#include "ui/HomePage.h"
#include "ui/MainWindow.h"
#include "ui/MessagePage.h"
#include "ui/NeedHelpDialog.h"
#include "ui/NewPasswordForm.h"
#include "ui/SecurityInformationPage.h"
#include "ui/SignInPage.h"
#include "ui/StatusMessage.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QPalette>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <functional>

using namespace cqrs;

namespace {

bool waitFor(const std::function<bool()> &condition)
{
    for (int i = 0; i < 500 && !condition(); ++i)
        QTest::qWait(20);
    return condition();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() < 2) {
        std::fputs("usage: cqrs-take-screenshots OUTPUT_DIR [SUFFIX]\n", stderr);
        return 2;
    }
    const QDir out(arguments.at(1));
    const QString suffix = arguments.value(2);
    // "-dark" in the suffix stands in for a person's dark system colours.
    if (suffix.contains(QLatin1String("dark"))) {
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2D, 0x2D, 0x2D));
        dark.setColor(QPalette::WindowText, Qt::white);
        dark.setColor(QPalette::Base, QColor(0x1E, 0x1E, 0x1E));
        dark.setColor(QPalette::Text, Qt::white);
        dark.setColor(QPalette::Button, QColor(0x3C, 0x3C, 0x3C));
        dark.setColor(QPalette::ButtonText, Qt::white);
        dark.setColor(QPalette::Highlight, QColor(0x4D, 0xA3, 0xFF));
        dark.setColor(QPalette::HighlightedText, Qt::black);
        QApplication::setPalette(dark);
    }
    ui::Theme::apply();
    auto save = [&](QWidget *widget, const char *name) {
        QTest::qWait(150);
        const QString path
            = out.filePath(QString::fromLatin1(name) + suffix + QStringLiteral(".png"));
        if (!widget->grab().save(path))
            std::fprintf(stderr, "cannot save %s\n", qPrintable(path));
    };

    StubProcess stub; // says why on stderr when it cannot start
    if (!stub.start())
        return 1;
    StubClient client(stub);
    QTemporaryDir settingsDir;
    ServiceSettings settings(
        nullptr,
        std::make_unique<QSettings>(settingsDir.filePath(QStringLiteral("u.ini")),
                                    QSettings::IniFormat),
        stub.url());
    app::AppController controller(settings);
    ui::MainWindow *window = controller.window();
    controller.showSignIn();
    window->fitToScreen();
    window->show();
    window->activateWindow();
    (void)QTest::qWaitForWindowExposed(window);
    save(window, "sign-in");

    client.adminPost(QStringLiteral("/api/v1/admin/users"),
                     {{QStringLiteral("userId"), QStringLiteral("jsmith01")},
                      {QStringLiteral("email"), QStringLiteral("jane.smith@nhs.net")},
                      {QStringLiteral("displayName"), QStringLiteral("Jane Smith")},
                      {QStringLiteral("organisation"), QStringLiteral("A81001 Riverside Surgery")},
                      {QStringLiteral("role"), QStringLiteral("Practice Manager")}});
    controller.openLink(client.newestAppLink(QStringLiteral("register")));
    ui::SecurityInformationPage *security = window->securityInformationPage();
    waitFor([&] { return window->currentScreen() == security; });
    // A password the seed's own rules accept, which the common-password rule refuses.
    QTest::keyClicks(field(security, "newPassword"), QStringLiteral("Summer2025!"));
    save(window, "security-information-common");
    field(security, "newPassword")->clear();
    QTest::keyClicks(field(security, "newPassword"), QStringLiteral("Harbour2"));
    save(window, "security-information");
    QTest::keyClicks(field(security, "newPassword"), QStringLiteral("5!"));
    QTest::keyClicks(field(security, "confirmPassword"), QStringLiteral("Harbour25!"));
    save(window, "security-information-ready");
    QTest::mouseClick(button(security, "submit"), Qt::LeftButton);

    ui::SignInPage *signIn = window->signInPage();
    waitFor([&] { return window->currentScreen() == signIn; });
    QTest::keyClicks(field(signIn, "password"), QStringLiteral("wrong"));
    QTest::mouseClick(button(signIn, "signIn"), Qt::LeftButton);
    waitFor([&] { return status(signIn)->isError(); });
    save(window, "sign-in-refused");
    QTest::keyClicks(field(signIn, "password"), QStringLiteral("Harbour25!"));
    QTest::mouseClick(button(signIn, "signIn"), Qt::LeftButton);
    waitFor([&] { return window->currentScreen() == window->homePage(); });
    save(window, "home");

    QTest::mouseClick(button(window->homePage(), "changePassword"), Qt::LeftButton);
    waitFor([&] { return window->findChild<ui::ChangePasswordDialog *>() != nullptr; });
    auto *dialog = window->findChild<ui::ChangePasswordDialog *>();
    QTest::keyClicks(field(dialog, "currentPassword"), QStringLiteral("Harbour25!"));
    QTest::keyClicks(field(dialog, "newPassword"), QStringLiteral("Violet!2026"));
    QTest::keyClicks(field(dialog, "confirmPassword"), QStringLiteral("Violet!2026"));
    QTest::mouseClick(button(dialog, "submit"), Qt::LeftButton);
    waitFor([&] { return status(dialog)->isError(); });
    save(dialog, "change-password-min-age");
    dialog->reject();

    {
        ui::NeedHelpDialog help(window);
        help.show();
        (void)QTest::qWaitForWindowExposed(&help);
        save(&help, "need-help");
    }

    client.adminPost(QStringLiteral("/api/v1/admin/users"),
                     {{QStringLiteral("userId"), QStringLiteral("late.starter")},
                      {QStringLiteral("email"), QStringLiteral("late@nhs.net")},
                      {QStringLiteral("displayName"), QStringLiteral("Lee Late")}});
    const QString oldLink = client.newestAppLink(QStringLiteral("register"));
    client.advanceClock(8 * 24 * 3600);
    controller.openLink(oldLink);
    waitFor([&] {
        return window->currentScreen() == window->messagePage()
            && !button(window->messagePage(), "goToSignIn")->isHidden();
    });
    save(window, "link-expired");

    // The same screen under the NIST SP 800-63B-4 profile: its checklist comes from the server.
    StubProcess nistStub(
        {QStringLiteral("--dev"), QStringLiteral("--password-policy"), QStringLiteral("nist")});
    if (!nistStub.start())
        return 1;
    StubClient nistClient(nistStub);
    ServiceSettings nistSettings(
        nullptr,
        std::make_unique<QSettings>(settingsDir.filePath(QStringLiteral("nist.ini")),
                                    QSettings::IniFormat),
        nistStub.url());
    app::AppController nistController(nistSettings);
    ui::MainWindow *nistWindow = nistController.window();
    nistWindow->resize(window->size());
    nistWindow->show();
    (void)QTest::qWaitForWindowExposed(nistWindow);
    nistClient.adminPost(
        QStringLiteral("/api/v1/admin/users"),
        {{QStringLiteral("userId"), QStringLiteral("jsmith01")},
         {QStringLiteral("email"), QStringLiteral("jane.smith@nhs.net")},
         {QStringLiteral("displayName"), QStringLiteral("Jane Smith")},
         {QStringLiteral("organisation"), QStringLiteral("A81001 Riverside Surgery")}});
    nistController.openLink(nistClient.newestAppLink(QStringLiteral("register")));
    ui::SecurityInformationPage *nistSecurity = nistWindow->securityInformationPage();
    waitFor([&] { return nistWindow->currentScreen() == nistSecurity; });
    QTest::keyClicks(field(nistSecurity, "newPassword"), QStringLiteral("kettle orbit harbour"));
    save(nistWindow, "security-information-nist");
    return 0;
}
