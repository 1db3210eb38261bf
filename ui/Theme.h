#pragma once

#include "ui/ThemePalette.h"

class QPalette;
class QWidget;

namespace cqrs::ui {

// The app's one visual language: the NHS.UK colours (ThemePalette) drawn by NhsStyle and set as
// the application palette, an 8-pixel spacing rhythm, the NHS.UK yellow focus on every focusable
// control, the system's own UI font. When the person's system asks for dark or high-contrast
// colours, those colours are used in the same layout instead of the brand's.
class Theme
{
public:
    static constexpr int unit = 8;

    // Before the first widget is made, so none is styled twice.
    static void apply();

    // Dark palettes and Windows High Contrast: the person chose their colours; keep them.
    static bool prefersSystemColours(const QPalette &system);
    // What the app draws with: the brand's colours, or the same roles from the person's palette.
    static ThemePalette colours(bool systemColours, const QPalette &system);

    // A label's meaning as colour ("error", "met", "notMet", or empty); the words carry it too.
    static void setTone(QWidget *label, const char *tone);
};

} // namespace cqrs::ui
