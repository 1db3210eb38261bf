#include "ui/ThemePalette.h"

#include <algorithm>
#include <cmath>

namespace cqrs::ui {

namespace {

constexpr double textMinimum = 4.5;
constexpr double nonTextMinimum = 3.0;

double channel(double value)
{
    return value <= 0.04045 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
}

double relativeLuminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

ThemePalette ThemePalette::nhs()
{
    // https://service-manual.nhs.uk/design-system/styles/colour
    return {
        .headerBand = QColor(0x005EB8),
        .headerText = QColor(0xFFFFFF),
        .page = QColor(0xF0F4F5),
        .card = QColor(0xFFFFFF),
        .text = QColor(0x212B32),
        .secondaryText = QColor(0x4C6272),
        .inputBorder = QColor(0x4C6272),
        .primaryButton = QColor(0x007F3B),
        .primaryText = QColor(0xFFFFFF),
        .error = QColor(0xD5281B),
        .success = QColor(0x007F3B),
        .focus = QColor(0xFFEB3B),
        .focusText = QColor(0x212B32),
    };
}

QList<ThemePalette::Pair> ThemePalette::pairs() const
{
    return {
        {QStringLiteral("title and Need help on the header band"), headerText, headerBand,
         textMinimum},
        {QStringLiteral("body text on the card"), text, card, textMinimum},
        {QStringLiteral("body text on the page"), text, page, textMinimum},
        {QStringLiteral("help line on the page"), secondaryText, page, textMinimum},
        {QStringLiteral("secondary text on the card"), secondaryText, card, textMinimum},
        {QStringLiteral("primary button label"), primaryText, primaryButton, textMinimum},
        {QStringLiteral("error message on the card"), error, card, textMinimum},
        {QStringLiteral("link on the card (links are drawn in NHS Blue)"), headerBand, card,
         textMinimum},
        {QStringLiteral("link in a dialog, on the page colour"), headerBand, page, textMinimum},
        {QStringLiteral("met rule on the card"), success, card, textMinimum},
        {QStringLiteral("focused control's text on yellow"), focusText, focus, textMinimum},
        {QStringLiteral("field and button edge on the card"), inputBorder, card, nonTextMinimum},
        {QStringLiteral("primary button on the card"), primaryButton, card, nonTextMinimum},
        {QStringLiteral("focus bar on the card"), focusText, card, nonTextMinimum},
        {QStringLiteral("focus bar on yellow"), focusText, focus, nonTextMinimum},
        {QStringLiteral("focus yellow on the header band"), focus, headerBand, nonTextMinimum},
        {QStringLiteral("card edge on the page"), inputBorder, page, nonTextMinimum},
    };
}

} // namespace cqrs::ui
