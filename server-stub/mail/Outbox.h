#pragma once

#include <QDir>
#include <QJsonArray>
#include <QMutex>
#include <QString>
#include <QStringList>

namespace cqrs::stub {

struct Email
{
    QString to;
    QString subject;
    QString body; // plain text, lines separated by \n
    QString html; // empty: a plain-text message; else the same content as the HTML alternative
    QStringList links; // the links the body holds, in order
};

// Where the stub "sends" email: one RFC 5322 .eml file per message in a folder, named so that
// sorting by name is sending order. With an HTML part, a multipart/alternative message whose
// plain-text part comes first (RFC 2046: least preferred first). Testers open the files in a mail
// client; the dev API reads them back.
class Outbox
{
public:
    explicit Outbox(QString directory);

    const QString &directory() const { return m_directory; }

    // Writes the message and returns the file's path. Throws StorageError when it cannot.
    QString send(const Email &email, const QDateTime &sentAt);

    // Every message in the folder, oldest first, as GET /dev/outbox lists them.
    QJsonArray toJson() const;

private:
    QString m_directory;
    QMutex m_mutex;
    quint64 m_sequence = 0;
};

} // namespace cqrs::stub
