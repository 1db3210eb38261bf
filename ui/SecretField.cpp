#include "ui/SecretField.h"

#include <QAccessibleWidget>
#include <QLineEdit>

namespace cqrs::ui {

namespace {

const char *const secretProperty = "cqrsSecret";

QString masked(const QString &text)
{
    return QString(text.size(), QLatin1Char('*'));
}

class SecretFieldAccessible : public QAccessibleWidget, public QAccessibleTextInterface
{
public:
    explicit SecretFieldAccessible(QLineEdit *field)
        : QAccessibleWidget(field, QAccessible::EditableText)
    { }

    void *interface_cast(QAccessible::InterfaceType type) override
    {
        if (type == QAccessible::TextInterface)
            return static_cast<QAccessibleTextInterface *>(this);
        return QAccessibleWidget::interface_cast(type);
    }

    QAccessible::State state() const override
    {
        QAccessible::State state = QAccessibleWidget::state();
        state.passwordEdit = true;
        state.editable = !field()->isReadOnly();
        return state;
    }

    QString text(QAccessible::Text kind) const override
    {
        return kind == QAccessible::Value ? maskedText() : QAccessibleWidget::text(kind);
    }

    // Only the length and the caret: enough to hear that typing landed, never what.
    QString text(int start, int end) const override { return maskedText().mid(start, end - start); }
    int characterCount() const override { return int(field()->text().size()); }
    int cursorPosition() const override { return field()->cursorPosition(); }
    void setCursorPosition(int position) override { field()->setCursorPosition(position); }
    void selection(int, int *start, int *end) const override { *start = *end = 0; }
    int selectionCount() const override { return 0; }
    void addSelection(int, int) override { }
    void removeSelection(int) override { }
    void setSelection(int, int, int) override { }
    QRect characterRect(int) const override { return {}; }
    int offsetAtPoint(const QPoint &) const override { return -1; }
    void scrollToSubstring(int, int) override { }
    QString attributes(int, int *start, int *end) const override
    {
        *start = *end = 0;
        return {};
    }

private:
    QLineEdit *field() const { return static_cast<QLineEdit *>(widget()); }
    QString maskedText() const { return masked(field()->text()); }
};

bool isSecret(QAccessibleEvent *event)
{
    const QObject *object = event->object();
    if (!object && event->accessibleInterface())
        object = event->accessibleInterface()->object();
    return object && object->property(secretProperty).toBool();
}

QAccessible::UpdateHandler previousHandler = nullptr;
void maskSecretText(QAccessibleEvent *event);

void forward(QAccessibleEvent *event)
{
    if (previousHandler) {
        previousHandler(event);
        return;
    }
    // No handler of our own in the way: Qt hands the event to the platform (AT-SPI, UIA).
    QAccessible::installUpdateHandler(nullptr);
    QAccessible::updateAccessibility(event);
    QAccessible::installUpdateHandler(maskSecretText);
}

// Qt 6.4 puts each typed character of a password field in the text-changed event it sends to
// AT-SPI, whatever the echo mode; the same events, masked, still tell the reader "typed".
void maskSecretText(QAccessibleEvent *event)
{
    if (!isSecret(event)) {
        forward(event);
        return;
    }
    switch (event->type()) {
    case QAccessible::TextInserted: {
        const auto *inserted = static_cast<QAccessibleTextInsertEvent *>(event);
        QAccessibleTextInsertEvent mask(event->object(), inserted->changePosition(),
                                        masked(inserted->textInserted()));
        forward(&mask);
        return;
    }
    case QAccessible::TextRemoved: {
        const auto *removed = static_cast<QAccessibleTextRemoveEvent *>(event);
        QAccessibleTextRemoveEvent mask(event->object(), removed->changePosition(),
                                        masked(removed->textRemoved()));
        forward(&mask);
        return;
    }
    case QAccessible::TextUpdated: {
        const auto *updated = static_cast<QAccessibleTextUpdateEvent *>(event);
        QAccessibleTextUpdateEvent mask(event->object(), updated->changePosition(),
                                        masked(updated->textRemoved()),
                                        masked(updated->textInserted()));
        forward(&mask);
        return;
    }
    default:
        forward(event);
    }
}

QAccessibleInterface *secretFieldFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String("QLineEdit") && object->property(secretProperty).toBool())
        return new SecretFieldAccessible(static_cast<QLineEdit *>(object));
    return nullptr;
}

} // namespace

void keepSecretFromAssistiveTechnology(QLineEdit *field)
{
    static const bool installed = [] {
        QAccessible::installFactory(secretFieldFactory);
        previousHandler = QAccessible::installUpdateHandler(maskSecretText);
        return true;
    }();
    Q_UNUSED(installed);
    field->setProperty(secretProperty, true);
}

} // namespace cqrs::ui
