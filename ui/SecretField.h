#pragma once

class QLineEdit;

namespace cqrs::ui {

// A password field as assistive technology sees it: always a password field, its text masked,
// even while "Show passwords" shows it on screen. A screen reader speaks what it is given, and
// nearby people hear it; the person can still read the shown text with their own eyes.
void keepSecretFromAssistiveTechnology(QLineEdit *field);

} // namespace cqrs::ui
