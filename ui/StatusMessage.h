#pragma once

#include <QLabel>

namespace cqrs::ui {

// The line under a form that says what just happened. Errors are announced to screen readers
// (an accessible Alert) and shown with an icon beside the words, not just a colour, so nobody
// misses them.
class StatusMessage : public QLabel
{
    Q_OBJECT

public:
    explicit StatusMessage(QWidget *parent = nullptr);

    void showError(const QString &text);
    void showInfo(const QString &text);
    void clear();
    bool isError() const { return m_error; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void present(const QString &text, bool error);

    bool m_error = false;
};

} // namespace cqrs::ui
