#include "ui/ScrollToFocus.h"

#include "ui/Theme.h"

#include <QApplication>
#include <QScrollArea>

namespace cqrs::ui {

void scrollToFocus(QScrollArea *area)
{
    QObject::connect(qApp, &QApplication::focusChanged, area, [area](QWidget *, QWidget *now) {
        if (now && area->widget() && area->widget()->isAncestorOf(now))
            area->ensureWidgetVisible(now, 0, Theme::unit);
    });
}

} // namespace cqrs::ui
