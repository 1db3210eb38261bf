#pragma once

#include <QLabel>

namespace cqrs::ui {

// Every screen's heading: larger bold text, named for screen readers as a heading would be.
inline QLabel *makePageTitle(QWidget *parent, const QString &text = {})
{
    auto *title = new QLabel(text, parent);
    title->setObjectName(QStringLiteral("pageTitle"));
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.5);
    font.setBold(true);
    title->setFont(font);
    title->setWordWrap(true);
    // Titles can carry server data (a person's name); never read it as markup.
    title->setTextFormat(Qt::PlainText);
    return title;
}

} // namespace cqrs::ui
