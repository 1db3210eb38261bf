#include "ui/ScrollToFocus.h"

#include "ui/Theme.h"

#include <QApplication>
#include <QScrollArea>
#include <QTimer>

namespace cqrs::ui {

void scrollToFocus(QScrollArea *area)
{
    QObject::connect(qApp, &QApplication::focusChanged, area, [area](QWidget *, QWidget *now) {
        if (now && area->widget() && area->widget()->isAncestorOf(now))
            area->ensureWidgetVisible(now, 0, Theme::unit);
    });
}

void scrollIntoView(QWidget *widget)
{
    QTimer::singleShot(0, widget, [widget] {
        for (QWidget *outer = widget->parentWidget(); outer; outer = outer->parentWidget()) {
            if (auto *area = qobject_cast<QScrollArea *>(outer)) {
                area->ensureWidgetVisible(widget, 0, Theme::unit);
                return;
            }
        }
    });
}

} // namespace cqrs::ui
