#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace cqrs::ui {

// What the window says when a link from an email arrives while the person is signed in or has
// typed a new password: a link must not undo their work unasked (any web page can open one).
// Both open over `window`, or over the dialog the person is in, and never block the app.

// The link cannot be used: said, and nothing here changes. `kept` says what stays.
void tellLinkUnusable(QWidget *window, const QString &problem, const QString &kept);

// Asks whether to leave what is open for the link, saying what that loses; `open` runs if the
// person agrees. A newer question replaces one still open.
void askToOpenLink(QWidget *window, const QString &whatIsLost, const QString &stayLabel,
                   const std::function<void()> &open);

} // namespace cqrs::ui
