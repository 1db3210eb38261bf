#include "ui/NeedHelpDialog.h"

#include "ui/HelpContacts.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace cqrs::ui {

NeedHelpDialog::NeedHelpDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("needHelpDialog"));
    setWindowTitle(tr("Need help?"));
    // Wrapped text needs a sensible width to wrap against, at any scale or font size.
    setMinimumWidth(fontMetrics().averageCharWidth() * 72);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("If you cannot register or sign in, or a link does not work, the "
                                "CQRS Service Desk can help. Your CQRS User Administrator can "
                                "send you a new registration link."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(new HelpContacts(this));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

NeedHelpDialog *NeedHelpDialog::openFor(QWidget *parent)
{
    auto *dialog = new NeedHelpDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace cqrs::ui
