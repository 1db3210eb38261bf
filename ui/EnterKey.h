#pragma once

class QWidget;

namespace cqrs::ui {

// Enter as people know it from the web, on a screen (or the header) of the main window (Qt gives
// it only to a dialog's buttons): on a focused button it presses that button, on a check box the
// screen's main (default) button. Text fields keep their own Enter, which the screens handle.
void pressButtonsOnEnter(QWidget *screen);

} // namespace cqrs::ui
