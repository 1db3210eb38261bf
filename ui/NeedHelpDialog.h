#pragma once

#include <QDialog>

#include <functional>

class QLabel;

namespace cqrs::ui {

class NeedHelpDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NeedHelpDialog(QWidget *parent = nullptr);

    // Opens without a nested event loop: the window that asked may be closed and deleted
    // (a server answer, the session ending, a link from a second launch) while help is open.
    static NeedHelpDialog *openFor(QWidget *parent);

    // What "Copy details for the service desk" copies (the app: ServiceDeskDetails). Without
    // one the button is not offered.
    using DetailsSource = std::function<QString()>;
    static void setServiceDeskDetails(DetailsSource source);

private:
    void copyDetails();

    QLabel *m_copied = nullptr;
};

} // namespace cqrs::ui
