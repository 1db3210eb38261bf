#pragma once

#include <QDialog>

namespace cqrs::ui {

class NeedHelpDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NeedHelpDialog(QWidget *parent = nullptr);
};

} // namespace cqrs::ui
