#pragma once

#include "ui/ThemePalette.h"

class QApplication;
class QPalette;
class QWidget;

namespace cqrs::ui {

// The app's one visual language: the NHS.UK colours (ThemePalette) as a style sheet, an 8-pixel
// spacing rhythm, the NHS.UK yellow focus on every focusable control, the system's own UI font.
// When the person's system asks for dark or high-contrast colours, those colours are used in
// the same layout instead of the brand's.
class Theme
{
public:
    static constexpr int unit = 8;

    static void apply(QApplication &application);

    // Dark palettes and Windows High Contrast: the person chose their colours; keep them.
    static bool prefersSystemColours(const QPalette &system);
    static QString styleSheet(bool systemColours);

    // A label's meaning as colour ("error", "met", "notMet", or empty); the words carry it too.
    static void setTone(QWidget *label, const char *tone);
};

} // namespace cqrs::ui
