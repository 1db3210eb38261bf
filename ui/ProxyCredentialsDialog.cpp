#include "ui/ProxyCredentialsDialog.h"

#include "ui/SecretField.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace cqrs::ui {

ProxyCredentialsDialog::ProxyCredentialsDialog(const QString &proxyHost, const QString &userName,
                                               QWidget *parent)
    : QDialog(parent)
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
{
    setObjectName(QStringLiteral("proxyCredentials"));
    setWindowTitle(tr("Proxy server sign-in"));
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    auto *intro = new QLabel(
        tr("This computer reaches the internet through the proxy server %1, which asks for a "
           "user name and password. Enter the ones your IT team gave you for the internet "
           "(often your Windows sign-in). CQRS Desktop keeps them only until you close it.")
            .arg(proxyHost),
        this);
    intro->setWordWrap(true);
    m_user->setObjectName(QStringLiteral("proxyUser"));
    m_user->setAccessibleName(tr("Proxy user name"));
    m_password->setObjectName(QStringLiteral("proxyPassword"));
    m_password->setAccessibleName(tr("Proxy password"));
    m_password->setEchoMode(QLineEdit::Password);
    keepSecretFromAssistiveTechnology(m_password);

    auto *form = new QFormLayout;
    form->addRow(tr("&User name"), m_user);
    form->addRow(tr("&Password"), m_password);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Sign in to the proxy"));
    m_ok->setEnabled(false);
    connect(m_user, &QLineEdit::textChanged, this,
            [this](const QString &text) { m_ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);

    m_user->setText(userName);
    if (!userName.isEmpty())
        m_password->setFocus();
}

ProxyCredentialsDialog::Answer ProxyCredentialsDialog::answer() const
{
    return {m_user->text().trimmed(), m_password->text()};
}

std::optional<ProxyCredentialsDialog::Answer>
ProxyCredentialsDialog::ask(const QString &proxyHost, const QString &userName, QWidget *parent)
{
    QPointer<ProxyCredentialsDialog> dialog
        = new ProxyCredentialsDialog(proxyHost, userName, parent);
    const int result = dialog->exec();
    if (!dialog)
        return std::nullopt;
    std::optional<Answer> answer
        = result == QDialog::Accepted ? std::optional(dialog->answer()) : std::nullopt;
    delete dialog.data();
    return answer;
}

} // namespace cqrs::ui
