#include "ui/ReadingOrder.h"

#include <QLayout>
#include <QWidget>

namespace cqrs::ui {

namespace {

void raiseInOrder(QLayout *layout)
{
    for (int i = 0; i < layout->count(); ++i) {
        QLayoutItem *item = layout->itemAt(i);
        if (QWidget *widget = item->widget()) {
            // Raising moves a widget to the end of its parent's children, which is the order
            // the accessibility tree reads.
            widget->raise();
            if (widget->layout())
                raiseInOrder(widget->layout());
        } else if (QLayout *inner = item->layout()) {
            raiseInOrder(inner);
        }
    }
}

} // namespace

void readInLayoutOrder(QWidget *screen)
{
    if (screen->layout())
        raiseInOrder(screen->layout());
}

} // namespace cqrs::ui
