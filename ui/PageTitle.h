#pragma once

#include <QLabel>

namespace cqrs::ui {

// Every screen's heading: larger bold text, exposed to screen readers with the heading role,
// so "next heading" lands on it and it is read before the fields it heads.
QLabel *makePageTitle(QWidget *parent, const QString &text = {});

} // namespace cqrs::ui
