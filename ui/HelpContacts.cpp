#include "ui/HelpContacts.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QUrl>

namespace cqrs::ui {

namespace {

void addContact(QGridLayout *grid, int row, const QString &what, const QString &href,
                const QString &text, const char *name)
{
    auto *parent = grid->parentWidget();
    auto *caption = new QLabel(what, parent);
    // A button drawn as a link, not a label holding one: a label with a link is two Tab stops
    // (the label, then the link) with no visible focus on the first.
    auto *link = new QPushButton(text, parent);
    link->setObjectName(QString::fromLatin1(name));
    link->setFlat(true);
    link->setAccessibleName(what + QLatin1Char(' ') + text);
    QObject::connect(link, &QPushButton::clicked, link,
                     [href] { QDesktopServices::openUrl(QUrl(href)); });
    caption->setBuddy(link);
    auto *copy = new QPushButton(HelpContacts::tr("Copy"), parent);
    copy->setObjectName(QString::fromLatin1(name) + QStringLiteral("Copy"));
    copy->setAccessibleName(HelpContacts::tr("Copy %1").arg(text));
    QObject::connect(copy, &QPushButton::clicked, copy,
                     [text] { QApplication::clipboard()->setText(text); });
    grid->addWidget(caption, row, 0);
    grid->addWidget(link, row, 1);
    grid->addWidget(copy, row, 2);
}

} // namespace

QString HelpContacts::email()
{
    return QStringLiteral("support@cqrs.co.uk");
}

QString HelpContacts::phone()
{
    return QStringLiteral("0330 124 4039");
}

HelpContacts::HelpContacts(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("helpContacts"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    auto *intro = new QLabel(tr("Contact the CQRS Service Desk:"), this);
    grid->addWidget(intro, 0, 0, 1, 3);
    addContact(grid, 1, tr("Email"), QStringLiteral("mailto:") + email(), email(), "helpEmail");
    addContact(grid, 2, tr("Phone"), QStringLiteral("tel:+443301244039"), phone(), "helpPhone");
    // Copy sits beside its text rather than across the window from it.
    grid->setColumnStretch(3, 1);
}

} // namespace cqrs::ui
