#include "ui/MainWindow.h"

#include "ui/EnterKey.h"
#include "ui/HelpContacts.h"
#include "ui/HomePage.h"
#include "ui/MessagePage.h"
#include "ui/NeedHelpDialog.h"
#include "ui/ScrollToFocus.h"
#include "ui/SecurityInformationPage.h"
#include "ui/SignInPage.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>
#include <QWindow>

#include <memory>

namespace cqrs::ui {

namespace {

const QString geometryKey = QStringLiteral("window/geometry");

QLabel *headerLabel(const QString &text, qreal scale, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    label->setFont(font);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_stack(new QStackedWidget)
    , m_screenTitle(nullptr)
    , m_helpLine(nullptr)
    , m_needHelp(nullptr)
{
    setWindowTitle(tr("CQRS Desktop"));
    setObjectName(QStringLiteral("mainWindow"));

    m_helpLine = new QLabel(tr("Need help? Call the CQRS Service Desk on %1 or email %2.")
                                .arg(HelpContacts::phone(), HelpContacts::email()));
    m_helpLine->setObjectName(QStringLiteral("helpLine"));
    m_helpLine->setWordWrap(true);
    m_helpLine->setAlignment(Qt::AlignCenter);
    // Selectable, so the number or address can be copied, once the pointer first reaches it:
    // a selectable label carries a text document, which the first window need not build.
    m_helpLine->installEventFilter(this);

    // Created in reading order: header, screen, help line.
    auto *central = new QWidget;
    central->setObjectName(QStringLiteral("windowBody"));
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, Theme::unit);
    layout->setSpacing(Theme::unit);
    layout->addWidget(makeHeader());
    layout->addWidget(makeContent(), 1);
    layout->addWidget(m_helpLine);
    setCentralWidget(central);
    // Below this the card's text wraps into a narrow column; the content scrolls instead.
    setMinimumSize(fontMetrics().averageCharWidth() * 50, fontMetrics().height() * 24);
    keepScreensWidth();

    connect(m_needHelp, &QPushButton::clicked, this, [this] { NeedHelpDialog::openFor(this); });
}

void MainWindow::keepScreensWidth()
{
    // Text wraps, but a check box's or button's words do not: narrower than the widest screen
    // needs (with room for the scroll bar), the content would scroll sideways and cut them off.
    const int screens = m_scroll->widget()->minimumSizeHint().width()
        + style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_scroll);
    setMinimumWidth(std::max(minimumWidth(), screens));
}

template<typename Page> Page *MainWindow::lazyScreen(Page *&made)
{
    if (made)
        return made;
    made = new Page;
    pressButtonsOnEnter(made);
    m_stack->addWidget(made);
    keepScreensWidth();
    // A screen can rename itself while shown (a problem's title), and the header follows.
    connect(made, &QWidget::windowTitleChanged, this, [this, page = made] {
        if (m_stack->currentWidget() == page)
            showTitleOf(page);
    });
    return made;
}

SignInPage *MainWindow::signInPage()
{
    return lazyScreen(m_signIn);
}

SecurityInformationPage *MainWindow::securityInformationPage()
{
    return lazyScreen(m_securityInformation);
}

HomePage *MainWindow::homePage()
{
    return lazyScreen(m_home);
}

MessagePage *MainWindow::messagePage()
{
    return lazyScreen(m_message);
}

QWidget *MainWindow::makeHeader()
{
    auto *header = new QWidget;
    header->setObjectName(QStringLiteral("header"));
    auto *brand = headerLabel(tr("CQRS"), 1.5, header);
    brand->setObjectName(QStringLiteral("brand"));
    brand->setAccessibleName(tr("CQRS, Calculating Quality Reporting Service"));
    m_screenTitle = headerLabel(QString(), 1.25, header);
    m_screenTitle->setObjectName(QStringLiteral("screenTitle"));
    m_needHelp = new QPushButton(tr("Need &help?"), header);
    m_needHelp->setObjectName(QStringLiteral("needHelp"));
    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(3 * Theme::unit, 2 * Theme::unit, 3 * Theme::unit, 2 * Theme::unit);
    layout->setSpacing(3 * Theme::unit);
    layout->addWidget(brand);
    layout->addWidget(m_screenTitle, 1);
    layout->addWidget(m_needHelp);
    pressButtonsOnEnter(header);
    return header;
}

QWidget *MainWindow::makeContent()
{
    auto *card = new QFrame;
    card->setObjectName(QStringLiteral("card"));
    card->setFrameShape(QFrame::StyledPanel);
    m_card = card;
    // A line of about 80 characters reads comfortably; wider windows get margins instead.
    m_card->setMaximumWidth(fontMetrics().averageCharWidth() * 80 + 6 * Theme::unit);
    auto *cardLayout = new QVBoxLayout(m_card);
    cardLayout->setContentsMargins(Theme::unit, Theme::unit, Theme::unit, Theme::unit);
    cardLayout->addWidget(m_stack);

    auto *page = new QWidget;
    page->setObjectName(QStringLiteral("contentPage"));
    auto *centred = new QHBoxLayout(page);
    centred->setContentsMargins(2 * Theme::unit, 0, 2 * Theme::unit, 0);
    centred->addStretch(0);
    centred->addWidget(m_card, 1);
    centred->addStretch(0);

    // The Security Information screen can still be taller than a small screen at 200 %.
    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("content"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    scroll->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    // Not a Tab stop of its own: it would be an unnamed control with nothing to show focus on.
    // Tabbing to a control below the fold still scrolls it into view.
    scroll->setFocusPolicy(Qt::NoFocus);
    scrollToFocus(scroll);
    m_scroll = scroll;
    return scroll;
}

void MainWindow::showScreen(QWidget *page)
{
    m_stack->setCurrentWidget(page);
    // A new screen starts at its title, not where the last one was scrolled to (at 200 %).
    m_scroll->verticalScrollBar()->setValue(0);
    showTitleOf(page);
}

void MainWindow::showTitleOf(QWidget *page)
{
    m_screenTitle->setText(page->windowTitle());
    // The title names the screen, so a screen reader announces where the person now is.
    setWindowTitle(tr("%1 - CQRS Desktop").arg(page->windowTitle()));
}

QWidget *MainWindow::currentScreen() const
{
    return m_stack->currentWidget();
}

QString MainWindow::currentScreenName() const
{
    const QWidget *current = m_stack->currentWidget();
    return current ? current->objectName() : QString();
}

void MainWindow::bringToFront()
{
    if (isMinimized())
        setWindowState((windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    show();
    raise();
    activateWindow();
}

void MainWindow::restorePlacement()
{
    QSettings settings;
    if (restoreGeometry(settings.value(geometryKey).toByteArray()))
        return;
    // Measuring the tallest screen costs the first window time, so the size it gives is kept
    // (for this font) at once: a start after one that never closed its window (a crash, a
    // shutdown) is placed without measuring again.
    const QString fittedKey = QStringLiteral("window/fittedSize/") + font().key();
    QSize wanted = settings.value(fittedKey).toSize();
    if (!wanted.isValid()) {
        wanted = fittingSize();
        settings.setValue(fittedKey, wanted);
    }
    placeCentred(wanted);
}

void MainWindow::fitToScreen()
{
    placeCentred(fittingSize());
}

QSize MainWindow::fittingSize()
{
    // Tall enough for the tallest screen (Security Information) at the card's width, whichever
    // screen shows now; lines spare for a longer server-given checklist. A screen not made yet
    // is measured on a stand-in that is then dropped: the first window carries, styles and lays
    // out only the screen it shows.
    const int pageWidth = m_card->maximumWidth() - 2 * Theme::unit;
    QList<QWidget *> pages;
    for (int i = 0; i < m_stack->count(); ++i)
        pages.append(m_stack->widget(i));
    std::unique_ptr<SecurityInformationPage> standIn;
    if (!m_securityInformation) {
        // A child, so it is measured in the window's own font and style.
        standIn = std::make_unique<SecurityInformationPage>(m_stack);
        pages.append(standIn.get());
    }
    int tallest = 0;
    for (QWidget *page : std::as_const(pages)) {
        page->ensurePolished();
        const int height = page->hasHeightForWidth() ? page->heightForWidth(pageWidth)
                                                     : page->sizeHint().height();
        tallest = std::max(tallest, height);
    }
    const int chrome = centralWidget()->sizeHint().height() - m_scroll->sizeHint().height()
        + 4 * Theme::unit + 3 * fontMetrics().lineSpacing();
    return {m_card->maximumWidth() + 6 * Theme::unit, tallest + chrome};
}

void MainWindow::placeCentred(QSize wanted)
{
    const QRect available = screen()->availableGeometry();
    // The title bar and borders come on top of the size given here. Before the window is first
    // shown the window manager has not said how big they are, so the style's guess stands in;
    // otherwise a window as tall as the screen would put its foot behind the task bar.
    const int frame = std::max(frameGeometry().height() - height(),
                               style()->pixelMetric(QStyle::PM_TitleBarHeight, nullptr, this)
                                   + 2 * style()->pixelMetric(QStyle::PM_DefaultFrameWidth));
    resize(std::max(std::min(wanted.width(), available.width()), minimumWidth()),
           std::max(std::min(wanted.height(), available.height() - frame), minimumHeight()));
    move(available.left() + (available.width() - width()) / 2,
         available.top() + std::max(0, (available.height() - height() - frame) / 2));
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_watchingFirstExposure && windowHandle()) {
        m_watchingFirstExposure = true;
        windowHandle()->installEventFilter(this);
    }
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_helpLine && event->type() == QEvent::Enter) {
        m_helpLine->removeEventFilter(this);
        m_helpLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    if (watched == windowHandle() && event->type() == QEvent::Expose
        && windowHandle()->isExposed()) {
        windowHandle()->removeEventFilter(this);
        // Queued: the exposure paints the window first.
        QMetaObject::invokeMethod(this, &MainWindow::firstShown, Qt::QueuedConnection);
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings().setValue(geometryKey, saveGeometry());
    QMainWindow::closeEvent(event);
}

} // namespace cqrs::ui
