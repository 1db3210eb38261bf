#include "ui/NeedHelpDialog.h"

#include "ui/HelpContacts.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cqrs::ui {

namespace {

NeedHelpDialog::DetailsSource &detailsSource()
{
    static NeedHelpDialog::DetailsSource source;
    return source;
}

} // namespace

void NeedHelpDialog::setServiceDeskDetails(DetailsSource source)
{
    detailsSource() = std::move(source);
}

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
    if (detailsSource()) {
        auto *copy = new QPushButton(tr("&Copy details for the service desk"), this);
        copy->setObjectName(QStringLiteral("copyServiceDeskDetails"));
        copy->setAccessibleDescription(
            tr("Copies the app version, your computer's system, the server address, the time "
               "and the last problem, never your password, to paste into an email or a call "
               "log."));
        connect(copy, &QPushButton::clicked, this, &NeedHelpDialog::copyDetails);
        layout->addWidget(copy, 0, Qt::AlignLeft);
        m_copied = new QLabel(this);
        m_copied->setWordWrap(true);
        layout->addWidget(m_copied);
    }
    auto *version = new QLabel(
        tr("CQRS Desktop version %1").arg(QCoreApplication::applicationVersion()), this);
    version->setObjectName(QStringLiteral("appVersion"));
    version->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(version);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // It opens on Close, visibly focused, so Enter closes it rather than copying the details
    // from an unseen focus on the email link; Tab reaches the email, phone and Copy in order.
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setDefault(true);
    close->setFocus();
}

void NeedHelpDialog::copyDetails()
{
    QApplication::clipboard()->setText(detailsSource()());
    m_copied->setText(tr("Copied. Paste them into your email to the service desk, or read them "
                         "out when you call."));
}

NeedHelpDialog *NeedHelpDialog::openFor(QWidget *parent)
{
    auto *dialog = new NeedHelpDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace cqrs::ui
