#include "server-stub/mail/Outbox.h"

#include "core/crypto/SecureRandom.h"
#include "server-stub/storage/Database.h"

#include <QDateTime>
#include <QFile>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>

namespace cqrs::stub {

namespace {

const QLatin1String Sender("CQRS National <no-reply@cqrs.co.uk>");

QString rfc5322Date(const QDateTime &when)
{
    return QLocale::c().toString(when.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"))
        + QStringLiteral(" +0000");
}

// Headers carry only ASCII here; anything else is dropped rather than encoded, because the
// only header values are addresses and our own subjects.
QString asciiOnly(const QString &text)
{
    QString out;
    for (QChar c : text) {
        if (c.unicode() >= 0x20 && c.unicode() < 0x7f)
            out.append(c);
    }
    return out;
}

QStringList linksIn(const QString &body)
{
    static const QRegularExpression link(QStringLiteral(R"((?:https?|cqrs)://[^\s<>"]+)"));
    QStringList links;
    for (auto it = link.globalMatch(body); it.hasNext();)
        links.append(it.next().captured(0));
    return links;
}

Email parse(const QByteArray &message)
{
    Email email;
    const qsizetype split = message.indexOf("\r\n\r\n");
    const QString head = QString::fromUtf8(message.left(split));
    for (const QString &line : head.split(QStringLiteral("\r\n"))) {
        if (line.startsWith(QLatin1String("To: ")))
            email.to = line.mid(4);
        else if (line.startsWith(QLatin1String("Subject: ")))
            email.subject = line.mid(9);
    }
    if (split >= 0) {
        email.body = QString::fromUtf8(message.mid(split + 4));
        email.body.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    }
    // The dev API shows the plain-text part of a multipart message: it holds the same links.
    static const QRegularExpression boundary(QStringLiteral("boundary=\"([^\"]+)\""));
    if (const auto found = boundary.match(head); found.hasMatch()) {
        const QString delimiter = QStringLiteral("--") + found.captured(1);
        for (const QString &part : email.body.split(delimiter)) {
            const qsizetype partBody = part.indexOf(QStringLiteral("\n\n"));
            if (partBody >= 0 && part.left(partBody).contains(QLatin1String("text/plain"))) {
                email.body = part.mid(partBody + 2);
                email.body.chop(email.body.endsWith(QLatin1Char('\n')) ? 1 : 0);
                break;
            }
        }
    }
    email.links = linksIn(email.body);
    return email;
}

QString withCrLf(QString text)
{
    return text.replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
}

// Content-Type and body of one text part (8bit UTF-8: every line is well under 998 octets).
QString textPart(const QString &subtype, const QString &text)
{
    return QStringLiteral("Content-Type: text/%1; charset=utf-8\r\n"
                          "Content-Transfer-Encoding: 8bit\r\n\r\n%2")
        .arg(subtype, withCrLf(text));
}

QString mimeContent(const Email &email)
{
    if (email.html.isEmpty())
        return textPart(QStringLiteral("plain"), email.body);
    // Random, so no line of either part can contain it.
    const QString boundary = QStringLiteral("=_cqrs_") + SecureRandom::base64Url(18);
    return QStringLiteral("Content-Type: multipart/alternative; boundary=\"%1\"\r\n\r\n"
                          "--%1\r\n%2\r\n--%1\r\n%3\r\n--%1--\r\n")
        .arg(boundary, textPart(QStringLiteral("plain"), email.body),
             textPart(QStringLiteral("html"), email.html));
}

} // namespace

Outbox::Outbox(QString directory)
    : m_directory(std::move(directory))
{
    if (!QDir().mkpath(m_directory))
        throw StorageError("cannot create the outbox folder " + m_directory.toStdString());
}

QString Outbox::send(const Email &email, const QDateTime &sentAt)
{
    const QString id = SecureRandom::base64Url(12);
    const QString message = QStringLiteral("From: %1\r\nTo: %2\r\nSubject: %3\r\nDate: %4\r\n"
                                           "Message-ID: <%5@cqrs-server-stub.invalid>\r\n"
                                           "MIME-Version: 1.0\r\n%6")
                                .arg(Sender, asciiOnly(email.to), asciiOnly(email.subject),
                                     rfc5322Date(sentAt), id, mimeContent(email));

    QMutexLocker lock(&m_mutex);
    // Real time, not the dev clock, orders the files: the dev clock may be moved by a test
    // while another process (the command line) writes to the same folder.
    const QString name
        = QStringLiteral("%1-%2-%3.eml")
              .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")))
              .arg(++m_sequence, 6, 10, QLatin1Char('0'))
              .arg(id);
    QString path = QDir(m_directory).filePath(name);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(message.toUtf8()) < 0 || !file.commit())
        throw StorageError("cannot write an email into the outbox " + m_directory.toStdString());
    return path;
}

QJsonArray Outbox::toJson() const
{
    const QDir dir(m_directory);
    QJsonArray list;
    for (const QString &name : dir.entryList({QStringLiteral("*.eml")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const Email email = parse(file.read(1024 * 1024));
        list.append(
            QJsonObject {{QStringLiteral("to"), email.to},
                         {QStringLiteral("subject"), email.subject},
                         {QStringLiteral("body"), email.body},
                         {QStringLiteral("links"), QJsonArray::fromStringList(email.links)}});
    }
    return list;
}

} // namespace cqrs::stub
