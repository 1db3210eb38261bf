#include "ui/Theme.h"

#include "ui/NhsStyle.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QWidget>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace cqrs::ui {

namespace {

bool highContrastRequested()
{
#ifdef Q_OS_WIN
    HIGHCONTRASTW contrast {};
    contrast.cbSize = sizeof(contrast);
    return SystemParametersInfoW(SPI_GETHIGHCONTRAST, sizeof(contrast), &contrast, 0)
        && (contrast.dwFlags & HCF_HIGHCONTRASTON);
#else
    return false;
#endif
}

// The brand's colours in the roles every control and dialog paints with.
QPalette brandPalette(const ThemePalette &c, QPalette palette)
{
    palette.setColor(QPalette::Window, c.page);
    palette.setColor(QPalette::WindowText, c.text);
    palette.setColor(QPalette::Base, c.card);
    palette.setColor(QPalette::AlternateBase, c.page);
    palette.setColor(QPalette::Text, c.text);
    palette.setColor(QPalette::Button, c.card);
    palette.setColor(QPalette::ButtonText, c.text);
    palette.setColor(QPalette::Highlight, c.headerBand);
    palette.setColor(QPalette::HighlightedText, c.headerText);
    palette.setColor(QPalette::PlaceholderText, c.secondaryText);
    palette.setColor(QPalette::Link, c.headerBand);
    for (const QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, c.secondaryText);
    return palette;
}

} // namespace

void Theme::apply()
{
    const QPalette system = QApplication::palette();
    const bool systemColours = prefersSystemColours(system);
    const ThemePalette drawn = colours(systemColours, system);
    QApplication::setStyle(new NhsStyle(drawn, systemColours));
    if (!systemColours)
        QApplication::setPalette(brandPalette(drawn, system));
}

bool Theme::prefersSystemColours(const QPalette &system)
{
    constexpr int darkBelow = 128;
    return highContrastRequested() || system.color(QPalette::Window).lightness() < darkBelow
        || system.color(QPalette::Base).lightness() < darkBelow;
}

ThemePalette Theme::colours(bool systemColours, const QPalette &system)
{
    if (!systemColours)
        return ThemePalette::nhs();
    const QColor highlight = system.color(QPalette::Highlight);
    const QColor highlighted = system.color(QPalette::HighlightedText);
    const QColor text = system.color(QPalette::Text);
    return {
        .headerBand = highlight,
        .headerText = highlighted,
        .page = system.color(QPalette::Window),
        .card = system.color(QPalette::Base),
        .text = text,
        .secondaryText = system.color(QPalette::WindowText),
        .inputBorder = text,
        .primaryButton = highlight,
        .primaryText = highlighted,
        .error = text,
        .success = text,
        .focus = highlight,
        .focusText = highlighted,
    };
}

void Theme::setTone(QWidget *label, const char *tone)
{
    label->setProperty("tone", QString::fromLatin1(tone));
    label->style()->polish(label);
}

} // namespace cqrs::ui
