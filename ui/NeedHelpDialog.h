#pragma once

#include <QDialog>

namespace cqrs::ui {

class NeedHelpDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NeedHelpDialog(QWidget *parent = nullptr);

    // Opens without a nested event loop: the window that asked may be closed and deleted
    // (a server answer, the session ending, a link from a second launch) while help is open.
    static NeedHelpDialog *openFor(QWidget *parent);
};

} // namespace cqrs::ui
