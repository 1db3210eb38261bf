#include "ui/StatusMessage.h"

#include <QAccessible>

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
    setText(QString());
    setAccessibleDescription(QString());
    hide();
}

void StatusMessage::present(const QString &text, bool error)
{
    m_error = error;
    setText(text);
    setStyleSheet(error ? QStringLiteral("QLabel { font-weight: bold; color: #d5281b; }")
                        : QString());
    setAccessibleDescription(text);
    show();
    if (error) {
        QAccessibleEvent alert(this, QAccessible::Alert);
        QAccessible::updateAccessibility(&alert);
    }
}

} // namespace cqrs::ui
