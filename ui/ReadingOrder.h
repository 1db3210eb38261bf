#pragma once

class QWidget;

namespace cqrs::ui {

// Screen readers walk a screen's widgets in the order they were created, not the order they are
// shown. This reorders them to match the layout, so a title is read before the fields under it.
void readInLayoutOrder(QWidget *screen);

} // namespace cqrs::ui
