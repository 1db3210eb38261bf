#include "ui/StatusMessage.h"

#include "ui/Theme.h"

#include <QAccessible>
#include <QPainter>
#include <QStyle>

namespace cqrs::ui {

StatusMessage::StatusMessage(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTextFormat(Qt::PlainText);
    setObjectName(QStringLiteral("statusMessage"));
    hide();
}

void StatusMessage::showError(const QString &text)
{
    present(text, true);
}

void StatusMessage::showInfo(const QString &text)
{
    present(text, false);
}

void StatusMessage::clear()
{
    m_error = false;
    Theme::setTone(this, "");
    setText(QString());
    setAccessibleDescription(QString());
    hide();
}

void StatusMessage::present(const QString &text, bool error)
{
    m_error = error;
    setText(text);
    Theme::setTone(this, error ? "error" : "");
    setAccessibleDescription(text);
    show();
    if (error) {
        QAccessibleEvent alert(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

void StatusMessage::paintEvent(QPaintEvent *event)
{
    QLabel::paintEvent(event);
    if (!m_error)
        return;
    // In the padding the theme leaves after the red bar, level with the first line.
    const int size = fontMetrics().height();
    const QPixmap icon = style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(size);
    QPainter(this).drawPixmap(Theme::unit + Theme::unit / 2, contentsRect().top(), icon);
}

} // namespace cqrs::ui
