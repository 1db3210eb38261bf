#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace cqrs::ui {

// A minute before an idle sign-out on a shared computer: says so, and offers "Stay signed in"
// with the focus on it, so a screen reader announces the warning and Enter or Space answers it.
class IdleWarningDialog : public QDialog
{
    Q_OBJECT

public:
    explicit IdleWarningDialog(QWidget *parent = nullptr);

signals:
    void staySignedInRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QLabel *m_message;
    QPushButton *m_stay;
};

} // namespace cqrs::ui
