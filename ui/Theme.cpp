#include "ui/Theme.h"

#include <QApplication>
#include <QPalette>
#include <QProxyStyle>
#include <QStyle>
#include <QWidget>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace cqrs::ui {

namespace {

// Spacing as a multiple of the rhythm, so every layout without its own margins follows it.
class RhythmStyle : public QProxyStyle
{
public:
    int pixelMetric(PixelMetric metric, const QStyleOption *option,
                    const QWidget *widget) const override
    {
        switch (metric) {
        case PM_LayoutHorizontalSpacing:
        case PM_LayoutVerticalSpacing:
            return Theme::unit;
        case PM_LayoutLeftMargin:
        case PM_LayoutRightMargin:
        case PM_LayoutTopMargin:
        case PM_LayoutBottomMargin:
            return 2 * Theme::unit;
        default:
            return QProxyStyle::pixelMetric(metric, option, widget);
        }
    }
};

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

QString name(const QColor &colour)
{
    return colour.name();
}

// The same rules with either the brand's colours or the system's palette roles.
const char *const rules = R"(
QWidget#header { background: %headerBand%; }
QWidget#header QLabel { color: %headerText%; }
QWidget#header QPushButton { background: %headerBand%; color: %headerText%;
    border: 2px solid %headerText%; }
QWidget#windowBody, QWidget#contentPage, QScrollArea#content { background: %page%; }
QFrame#card { background: %card%; border: 1px solid %inputBorder%; border-radius: 4px; }
QLabel, QCheckBox, QGroupBox { color: %text%; }
QLabel#helpLine { color: %secondaryText%; }
QLineEdit { background: %card%; color: %text%; border: 2px solid %inputBorder%;
    padding: 6px 8px; }
QLineEdit:focus { background: %focus%; color: %focusText%; border: 4px solid %focusText%;
    padding: 4px 6px; }
QPushButton { background: %card%; color: %text%; border: 2px solid %inputBorder%;
    border-bottom: 4px solid %inputBorder%; border-radius: 4px; padding: 6px 16px; }
QPushButton:default { background: %primaryButton%; color: %primaryText%;
    border-color: %primaryButton%; }
QPushButton:disabled { color: %secondaryText%; border-style: dashed; }
QPushButton:default:disabled { background: %card%; color: %secondaryText%;
    border-color: %inputBorder%; }
QPushButton:flat { border-color: transparent; text-decoration: underline; }
QCheckBox { padding: 4px; border-bottom: 4px solid transparent; }
QPushButton:focus, QPushButton:default:focus, QWidget#header QPushButton:focus,
QCheckBox:focus { background: %focus%; color: %focusText%; border: 2px solid %focusText%;
    border-bottom: 4px solid %focusText%; }
QLabel[tone="error"] { color: %error%; font-weight: bold; }
QLabel[tone="met"] { color: %success%; }
QLabel[tone="notMet"] { color: %error%; }
QProgressBar { border: 1px solid %inputBorder%; background: %card%; }
QProgressBar::chunk { background: %headerBand%; }
)";

QString fill(QString sheet, const QList<std::pair<const char *, QString>> &colours)
{
    for (const auto &[role, value] : colours)
        sheet.replace(QLatin1Char('%') + QLatin1String(role) + QLatin1Char('%'), value);
    return sheet;
}

} // namespace

void Theme::apply(QApplication &application)
{
    QApplication::setStyle(new RhythmStyle);
    application.setStyleSheet(styleSheet(prefersSystemColours(QApplication::palette())));
}

bool Theme::prefersSystemColours(const QPalette &system)
{
    constexpr int darkBelow = 128;
    return highContrastRequested() || system.color(QPalette::Window).lightness() < darkBelow
        || system.color(QPalette::Base).lightness() < darkBelow;
}

QString Theme::styleSheet(bool systemColours)
{
    const QString sheet = QString::fromLatin1(rules);
    if (systemColours) {
        const QString highlight = QStringLiteral("palette(highlight)");
        const QString highlighted = QStringLiteral("palette(highlighted-text)");
        const QString text = QStringLiteral("palette(text)");
        return fill(sheet,
                    {{"headerBand", highlight},
                     {"headerText", highlighted},
                     {"page", QStringLiteral("palette(window)")},
                     {"card", QStringLiteral("palette(base)")},
                     {"text", text},
                     {"secondaryText", QStringLiteral("palette(window-text)")},
                     {"inputBorder", text},
                     {"primaryButton", highlight},
                     {"primaryText", highlighted},
                     {"error", text},
                     {"success", text},
                     {"focus", highlight},
                     {"focusText", highlighted}});
    }
    const ThemePalette p = ThemePalette::nhs();
    return fill(sheet,
                {{"headerBand", name(p.headerBand)},
                 {"headerText", name(p.headerText)},
                 {"page", name(p.page)},
                 {"card", name(p.card)},
                 {"text", name(p.text)},
                 {"secondaryText", name(p.secondaryText)},
                 {"inputBorder", name(p.inputBorder)},
                 {"primaryButton", name(p.primaryButton)},
                 {"primaryText", name(p.primaryText)},
                 {"error", name(p.error)},
                 {"success", name(p.success)},
                 {"focus", name(p.focus)},
                 {"focusText", name(p.focusText)}});
}

void Theme::setTone(QWidget *label, const char *tone)
{
    label->setProperty("tone", QString::fromLatin1(tone));
    label->style()->unpolish(label);
    label->style()->polish(label);
}

} // namespace cqrs::ui
