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
    setContentsMargins(0, 0, 0, 0);
    setText(QString());
    setAccessibleDescription(QString());
    hide();
}

void StatusMessage::present(const QString &text, bool error)
{
    m_error = error;
    setText(text);
    Theme::setTone(this, error ? "error" : "");
    setContentsMargins(error ? 2 * Theme::unit + fontMetrics().height() : 0, 0, 0, 0);
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
    // A bar and an icon in the margin present() leaves, in the message's own (themed) colour.
    QPainter painter(this);
    painter.fillRect(0, 0, Theme::unit / 2, height(), palette().color(foregroundRole()));
    const int size = fontMetrics().height();
    const QPixmap icon = style()->standardIcon(QStyle::SP_MessageBoxCritical).pixmap(size);
    painter.drawPixmap(Theme::unit + Theme::unit / 2, 0, icon);
}

} // namespace cqrs::ui
