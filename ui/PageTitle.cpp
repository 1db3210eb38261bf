#include "ui/PageTitle.h"

#include <QAccessibleWidget>

namespace cqrs::ui {

namespace {

const char *const headingProperty = "cqrsHeading";

// Qt reads every QLabel as static text; this one says it is a heading.
class HeadingAccessible : public QAccessibleWidget
{
public:
    explicit HeadingAccessible(QLabel *label)
        : QAccessibleWidget(label, QAccessible::Heading)
    { }

    QString text(QAccessible::Text kind) const override
    {
        QString own = QAccessibleWidget::text(kind);
        if (kind == QAccessible::Name && own.isEmpty())
            return static_cast<QLabel *>(widget())->text();
        return own;
    }
};

QAccessibleInterface *headingFactory(const QString &className, QObject *object)
{
    if (className == QLatin1String("QLabel") && object->property(headingProperty).toBool())
        return new HeadingAccessible(static_cast<QLabel *>(object));
    return nullptr;
}

} // namespace

QLabel *makePageTitle(QWidget *parent, const QString &text)
{
    static const bool factoryInstalled = (QAccessible::installFactory(headingFactory), true);
    Q_UNUSED(factoryInstalled);
    auto *title = new QLabel(parent);
    title->setObjectName(QStringLiteral("pageTitle"));
    // Before any text: setting text makes Qt build (and keep) the label's accessible interface.
    title->setProperty(headingProperty, true);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    title->setFont(font);
    title->setWordWrap(true);
    // Titles can carry server data (a person's name); never read it as markup.
    title->setTextFormat(Qt::PlainText);
    title->setText(text);
    return title;
}

} // namespace cqrs::ui
