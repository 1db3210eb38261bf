#pragma once

#include <QDialog>
#include <QString>

#include <optional>

class QLineEdit;
class QPushButton;

namespace cqrs::ui {

// Asks for the user name and password of a proxy server that wants them (HTTP 407). Says what
// the proxy is and that the answer is kept only until the app closes.
class ProxyCredentialsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Answer
    {
        QString user;
        QString password;
    };

    // `userName`: the one given last time, when the proxy asks again (a mistyped password).
    ProxyCredentialsDialog(const QString &proxyHost, const QString &userName = {},
                           QWidget *parent = nullptr);

    Answer answer() const;

    // Modal, with its own event loop: Qt needs the answer before the request can go on.
    // nullopt when the person pressed Cancel, or the window behind went away meanwhile.
    static std::optional<Answer> ask(const QString &proxyHost, const QString &userName,
                                     QWidget *parent);

private:
    QLineEdit *m_user;
    QLineEdit *m_password;
    QPushButton *m_ok = nullptr;
};

} // namespace cqrs::ui
