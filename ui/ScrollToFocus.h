#pragma once

class QScrollArea;
class QWidget;

namespace cqrs::ui {

// Keeps the focused control of `area` in sight. QScrollArea scrolls to a control only when Tab
// moves within it: coming in from outside (a header, a dialog's buttons) or by Shift+Tab from
// the top, focus could land on a field scrolled out of sight at 200 %.
void scrollToFocus(QScrollArea *area);

// Scrolls the area `widget` is in, if any, so that `widget` is in sight, once the layout has
// placed it (it may only just have been shown).
void scrollIntoView(QWidget *widget);

} // namespace cqrs::ui
