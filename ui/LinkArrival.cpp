#include "ui/LinkArrival.h"

#include <QApplication>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

namespace cqrs::ui {

namespace {

QPointer<QMessageBox> openQuestion;

QMessageBox *messageOver(QWidget *window, QMessageBox::Icon icon, const QString &title,
                         const QString &text)
{
    if (openQuestion)
        openQuestion->close();
    QWidget *over = QApplication::activeModalWidget() ? QApplication::activeModalWidget() : window;
    auto *box = new QMessageBox(icon, title, text, QMessageBox::NoButton, over);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    openQuestion = box;
    return box;
}

} // namespace

void tellLinkUnusable(QWidget *window, const QString &problem, const QString &kept)
{
    QMessageBox *box
        = messageOver(window, QMessageBox::Warning,
                      QApplication::translate("LinkArrival", "This link cannot be used"),
                      problem + QLatin1Char(' ') + kept);
    box->setObjectName(QStringLiteral("linkUnusable"));
    box->addButton(QMessageBox::Ok);
    box->open();
}

void askToOpenLink(QWidget *window, const QString &whatIsLost, const QString &stayLabel,
                   const std::function<void()> &open)
{
    QMessageBox *box = messageOver(
        window, QMessageBox::Question,
        QApplication::translate("LinkArrival", "Open the link from your email?"), whatIsLost);
    box->setObjectName(QStringLiteral("openLinkQuestion"));
    QPushButton *openButton = box->addButton(
        QApplication::translate("LinkArrival", "&Open the link"), QMessageBox::AcceptRole);
    openButton->setObjectName(QStringLiteral("openLink"));
    QPushButton *stay = box->addButton(stayLabel, QMessageBox::RejectRole);
    stay->setObjectName(QStringLiteral("stay"));
    // Staying is the safe answer, and the one Enter gives.
    box->setDefaultButton(stay);
    box->setEscapeButton(stay);
    // Queued: leaving may close the dialog this question sits on while it is answering.
    QObject::connect(openButton, &QPushButton::clicked, box,
                     [open] { QMetaObject::invokeMethod(qApp, open, Qt::QueuedConnection); });
    box->open();
}

} // namespace cqrs::ui
