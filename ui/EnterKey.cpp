#include "ui/EnterKey.h"

#include <QCheckBox>
#include <QKeyEvent>
#include <QPushButton>

namespace cqrs::ui {

namespace {

class CheckBoxEnter : public QObject
{
public:
    explicit CheckBoxEnter(QWidget *screen)
        : QObject(screen)
        , m_screen(screen)
    { }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() != QEvent::KeyPress)
            return false;
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key != Qt::Key_Return && key != Qt::Key_Enter)
            return false;
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
    auto *filter = new CheckBoxEnter(screen);
    const auto boxes = screen->findChildren<QCheckBox *>();
    for (QCheckBox *box : boxes)
        box->installEventFilter(filter);
    const auto buttons = screen->findChildren<QPushButton *>();
    for (QPushButton *button : buttons)
        button->setAutoDefault(true);
}

} // namespace cqrs::ui
