#pragma once

#include <QString>
#include <QStringList>

namespace cqrs::stub {

// What an email says, once: rendered as the plain-text part and as the HTML part of one
// multipart/alternative message, so the two never drift apart. Every letter ends with the
// service desk's contacts.
struct Letter
{
    QString heading; // the HTML part's <h1>; also the first line of the plain text
    QString greeting; // "Dear Amelia Okafor,"
    QStringList before; // paragraphs before the button
    QString buttonLabel; // empty: no button
    QString buttonUrl;
    QStringList after; // paragraphs after the button

    QString plainText() const;
    QString html() const;
};

} // namespace cqrs::stub
