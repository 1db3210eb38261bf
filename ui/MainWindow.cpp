#include "ui/MainWindow.h"

#include "ui/HomePage.h"
#include "ui/MessagePage.h"
#include "ui/NeedHelpDialog.h"
#include "ui/SecurityInformationPage.h"
#include "ui/SignInPage.h"

#include <QHBoxLayout>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace cqrs::ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_stack(new QStackedWidget)
    , m_signIn(new SignInPage)
    , m_securityInformation(new SecurityInformationPage)
    , m_home(new HomePage)
    , m_message(new MessagePage)
    , m_needHelp(new QPushButton(tr("Need &help?")))
{
    setWindowTitle(tr("CQRS Desktop"));
    setObjectName(QStringLiteral("mainWindow"));
    m_needHelp->setObjectName(QStringLiteral("needHelp"));
    for (QWidget *page :
         std::initializer_list<QWidget *> {m_signIn, m_securityInformation, m_home, m_message})
        m_stack->addWidget(page);

    // At 200% scaling the Security Information screen is taller than many laptop screens.
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_stack);

    auto *footer = new QHBoxLayout;
    footer->addStretch(1);
    footer->addWidget(m_needHelp);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->addWidget(scroll, 1);
    layout->addLayout(footer);
    setCentralWidget(central);
    resize(560, 640);

    connect(m_needHelp, &QPushButton::clicked, this, [this] { NeedHelpDialog::openFor(this); });
}

void MainWindow::showScreen(QWidget *page)
{
    m_stack->setCurrentWidget(page);
    // The title names the screen, so a screen reader announces where the person now is.
    setWindowTitle(tr("%1 - CQRS Desktop").arg(page->windowTitle()));
}

QWidget *MainWindow::currentScreen() const
{
    return m_stack->currentWidget();
}

QString MainWindow::currentScreenName() const
{
    return m_stack->currentWidget()->objectName();
}

void MainWindow::bringToFront()
{
    if (isMinimized())
        setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    show();
    raise();
    activateWindow();
}

} // namespace cqrs::ui
