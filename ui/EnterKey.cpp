#include "ui/EnterKey.h"

#include <QCheckBox>
#include <QKeyEvent>
#include <QPushButton>

namespace cqrs::ui {

namespace {

// Not QPushButton's autoDefault, which outside a dialog takes the default (green, Enter)
// status away from the screen's main button for good once focus has passed over it.
class EnterPresses : public QObject
{
public:
    explicit EnterPresses(QWidget *screen)
        : QObject(screen)
        , m_screen(screen)
    { }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress)
            return false;
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key != Qt::Key_Return && key != Qt::Key_Enter)
            return false;
        if (auto *button = qobject_cast<QPushButton *>(watched)) {
            button->click();
            return true;
        }
        const auto buttons = m_screen->findChildren<QPushButton *>();
        for (QPushButton *button : buttons) {
            if (button->isDefault() && button->isVisible() && button->isEnabled()) {
                button->click();
                return true;
            }
        }
        return false;
    }

private:
    QWidget *m_screen;
};

} // namespace

void pressButtonsOnEnter(QWidget *screen)
{
    auto *filter = new EnterPresses(screen);
    const auto boxes = screen->findChildren<QCheckBox *>();
    for (QCheckBox *box : boxes)
        box->installEventFilter(filter);
    const auto buttons = screen->findChildren<QPushButton *>();
    for (QPushButton *button : buttons) {
        button->setAutoDefault(false);
        button->installEventFilter(filter);
    }
}

} // namespace cqrs::ui
