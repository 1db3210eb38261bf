#include "app/AppController.h"
#include "app/CommandLine.h"
#include "app/LinkReceiver.h"
#include "app/NhsMailSignIn.h"
#include "app/SignInMemory.h"
#include "app/SingleInstance.h"
#include "core/settings/ServiceSettings.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#include <QWindow>

#include <cstdio>

using namespace cqrs;

namespace {

void report(const QString &text, FILE *stream)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stream);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("NHS"));
    QCoreApplication::setApplicationName(QStringLiteral("CQRS Desktop"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CQRS_DESKTOP_VERSION));

    // Parsed before QApplication exists, so --help and a hand-over need no display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    const app::CommandLine commandLine = app::CommandLine::parse(arguments);
    switch (commandLine.action) {
    case app::CommandLine::Action::ShowHelp:
    case app::CommandLine::Action::ShowVersion:
        report(commandLine.message, stdout);
        return 0;
    case app::CommandLine::Action::Fail:
        report(commandLine.message, stderr);
        return 2;
    case app::CommandLine::Action::Run:
        break;
    }

    const QString serverName = app::SingleInstance::defaultServerName();
    app::SingleInstance instance(serverName);
    const bool primary = instance.tryBecomePrimary();
    // A second launch gives its link (or just "come to the front") to the running instance.
    const QString handOverLine = commandLine.link ? QStringLiteral("open ") + *commandLine.link
                                                  : QStringLiteral("activate");
    if (!primary && app::SingleInstance::handOver(serverName, handOverLine))
        return 0;

    QApplication application(argc, argv);
    QApplication::setDesktopFileName(QStringLiteral("uk.co.cqrs.Desktop"));
    QIcon icon(QStringLiteral(":/icons/cqrs-desktop.svg"));
    icon.addFile(QStringLiteral(":/icons/cqrs-desktop-256.png"));
    QApplication::setWindowIcon(icon);
    if (!primary) {
        QMessageBox::critical(nullptr, QObject::tr("CQRS Desktop"),
                              QObject::tr("CQRS Desktop is already running but not responding. "
                                          "Close it (or restart the computer) and try again."));
        return 1;
    }
    instance.listen();

    ServiceSettings settings(ServiceSettings::openManagedPolicy(),
                             ServiceSettings::openUserSettings(), commandLine.server);
    app::AppController controller(settings);
    if (const SsoSettings sso = settings.ssoSettings(); sso.isUsable())
        controller.setSsoSignIn(new app::NhsMailSignIn(sso));
    controller.setSignInMemory(new app::SignInMemory(app::SignInMemory::keyFor(settings)));
    ui::MainWindow *window = controller.window();
    // Report a screen only once the window is really on screen, so "sign-in" means interactive.
    instance.setScreenReporter([window] {
        const QWindow *handle = window->windowHandle();
        return handle && handle->isExposed() ? window->currentScreenName()
                                             : QStringLiteral("starting");
    });
    QObject::connect(&instance, &app::SingleInstance::linkReceived, &controller,
                     &app::AppController::openLink);
    QObject::connect(&instance, &app::SingleInstance::activationRequested, window,
                     &ui::MainWindow::bringToFront);
    app::LinkReceiver receiver;
    QObject::connect(&receiver, &app::LinkReceiver::linkReceived, &controller,
                     &app::AppController::openLink);

    controller.showSignIn();
    window->show();
    if (commandLine.link)
        controller.openLink(*commandLine.link);
    else
        controller.resumeSignIn();
    return QApplication::exec();
}
