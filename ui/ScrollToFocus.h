#pragma once

class QScrollArea;

namespace cqrs::ui {

// Keeps the focused control of `area` in sight. QScrollArea scrolls to a control only when Tab
// moves within it: coming in from outside (a header, a dialog's buttons) or by Shift+Tab from
// the top, focus could land on a field scrolled out of sight at 200 %.
void scrollToFocus(QScrollArea *area);

} // namespace cqrs::ui
