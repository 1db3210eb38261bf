#include "app/AppController.h"
#include "app/CommandLine.h"
#include "app/IdleMonitor.h"
#include "app/LinkReceiver.h"
#include "app/NhsMailSignIn.h"
#include "app/SignInMemory.h"
#include "app/SingleInstance.h"
#include "core/api/ApiClient.h"
#include "core/settings/ServiceSettings.h"
#include "ui/MainWindow.h"
#include "ui/NeedHelpDialog.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QIcon>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QWindow>

#include <cstdio>

using namespace cqrs;

namespace {

// Off unless asked for (QT_LOGGING_RULES="cqrs.startup.info=true"): when the first window is on
// screen, for whoever times a start (bench_app, an IT admin on a slow desktop).
Q_LOGGING_CATEGORY(lcStartup, "cqrs.startup", QtWarningMsg)

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

    app::SingleInstance instance(app::SingleInstance::defaultServerName());
    app::SingleInstance::Role role = instance.tryBecomePrimary();
    // A second launch gives its link (or just "come to the front") to the running instance.
    const QString handOverLine = commandLine.link ? QStringLiteral("open ") + *commandLine.link
                                                  : QStringLiteral("activate");
    if (role == app::SingleInstance::Role::Secondary) {
        switch (instance.handOver(handOverLine)) {
        case app::SingleInstance::HandOver::Delivered:
            return 0;
        case app::SingleInstance::HandOver::OtherUser:
            // Never handed to another person; this launch keeps its own link.
            role = app::SingleInstance::Role::Alone;
            break;
        case app::SingleInstance::HandOver::NoAnswer:
            break;
        }
    }

    QApplication application(argc, argv);
    QApplication::setDesktopFileName(QStringLiteral("uk.co.cqrs.Desktop"));
    if (role == app::SingleInstance::Role::Secondary) {
        QMessageBox::critical(nullptr, QObject::tr("CQRS Desktop"), instance.problem());
        return 1;
    }
    if (role == app::SingleInstance::Role::Primary)
        instance.listen();
    if (!instance.problem().isEmpty())
        report(instance.problem(), stderr);

    ui::Theme::apply();
    ServiceSettings settings(ServiceSettings::openManagedPolicy(),
                             ServiceSettings::openUserSettings(), commandLine.server);
    app::AppController controller(settings);
    if (const SsoSettings sso = settings.ssoSettings(); sso.isUsable())
        controller.setSsoSignIn(new app::NhsMailSignIn(sso, controller.network()));
    ui::NeedHelpDialog::setServiceDeskDetails(
        [&controller] { return controller.serviceDeskDetails(); });
    controller.setSignInMemory(app::SignInMemory::forSettings(settings));
    if (const int minutes = settings.idleSignOutMinutes(); minutes > 0)
        controller.setIdleMonitor(new app::IdleMonitor(std::chrono::minutes(minutes)));
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

    controller.showSignIn(settings.managedServerUrlProblem());
    window->restorePlacement();
    window->show();
    if (!instance.problem().isEmpty()) {
        // Not modal to the application: the person can still use the window behind it.
        auto *notice = new QMessageBox(QMessageBox::Warning, QObject::tr("CQRS Desktop"),
                                       instance.problem(), QMessageBox::Ok, window);
        notice->setAttribute(Qt::WA_DeleteOnClose);
        notice->open();
    }
    // Work the first screen does not need waits until it shows: decoding the icon (the task bar
    // and the packages carry their own), asking the credential store for a kept sign-in.
    QObject::connect(window, &ui::MainWindow::firstShown, &controller, [&controller, &commandLine] {
        qCInfo(lcStartup, "first window shown");
        QIcon icon(QStringLiteral(":/icons/cqrs-desktop.svg"));
        icon.addFile(QStringLiteral(":/icons/cqrs-desktop-256.png"));
        QApplication::setWindowIcon(icon);
        if (!commandLine.link)
            controller.resumeSignIn();
    });
    if (commandLine.link)
        controller.openLink(*commandLine.link);
    return QApplication::exec();
}
