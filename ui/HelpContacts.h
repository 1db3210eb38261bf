#pragma once

#include <QWidget>

namespace cqrs::ui {

// The CQRS Service Desk's email and phone: each a link (mailto:, tel:) and a Copy button,
// because many practice PCs have no mail or phone handler set up.
class HelpContacts : public QWidget
{
    Q_OBJECT

public:
    static QString email();
    static QString phone();

    explicit HelpContacts(QWidget *parent = nullptr);
};

} // namespace cqrs::ui
