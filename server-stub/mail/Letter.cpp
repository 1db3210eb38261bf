#include "server-stub/mail/Letter.h"

#include <QCoreApplication>

namespace cqrs::stub {

namespace {

class LetterText
{
    Q_DECLARE_TR_FUNCTIONS(Letter)

public:
    static QString needHelp() { return tr("Need help?"); }
    static QString contacts()
    {
        return tr("Contact the CQRS service desk: support@cqrs.co.uk or 0330 124 4039.");
    }
    static QString signature() { return tr("CQRS National"); }
};

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

QString Letter::plainText() const
{
    QStringList parts {heading, greeting};
    parts += before;
    if (!buttonLabel.isEmpty())
        parts.append(buttonLabel + QStringLiteral(":\n") + buttonUrl);
    parts += after;
    parts.append(LetterText::needHelp() + QLatin1Char(' ') + LetterText::contacts());
    parts.append(LetterText::signature());
    return parts.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
}

QString Letter::html() const
{
    // Simple, linear and high-contrast: one column, real headings and a link styled as a
    // button (its text says where it goes), so screen readers and zoom work as in any page.
    QStringList lines {
        QStringLiteral("<!DOCTYPE html>"),
        QStringLiteral("<html lang=\"en-GB\">"),
        QStringLiteral("<head><meta charset=\"utf-8\"><title>%1</title></head>")
            .arg(escaped(heading)),
        QStringLiteral("<body style=\"margin:0;padding:24px;background:#f0f4f5;"
                       "font-family:Arial,sans-serif;font-size:16px;line-height:1.5;"
                       "color:#212b32;\">"),
        QStringLiteral("<div role=\"article\" aria-label=\"%1\" style=\"max-width:600px;"
                       "margin:0 auto;background:#ffffff;padding:24px;\">")
            .arg(escaped(heading)),
        QStringLiteral("<p style=\"margin:0 0 16px;font-weight:bold;color:#005eb8;\">%1</p>")
            .arg(escaped(LetterText::signature())),
        QStringLiteral("<h1 style=\"font-size:24px;margin:0 0 16px;\">%1</h1>")
            .arg(escaped(heading)),
        QStringLiteral("<p>%1</p>").arg(escaped(greeting)),
    };
    for (const QString &paragraph : before)
        lines.append(QStringLiteral("<p>%1</p>").arg(escaped(paragraph)));
    if (!buttonLabel.isEmpty()) {
        lines.append(QStringLiteral("<p style=\"margin:24px 0;\"><a href=\"%1\" "
                                    "style=\"display:inline-block;background:#007f3b;"
                                    "color:#ffffff;font-weight:bold;padding:12px 20px;"
                                    "text-decoration:underline;border-radius:4px;\">%2</a></p>")
                         .arg(escaped(buttonUrl), escaped(buttonLabel)));
    }
    for (const QString &paragraph : after)
        lines.append(QStringLiteral("<p>%1</p>").arg(escaped(paragraph)));
    lines += {
        QStringLiteral("<h2 style=\"font-size:19px;margin:24px 0 8px;\">%1</h2>")
            .arg(escaped(LetterText::needHelp())),
        QStringLiteral("<p>%1</p>").arg(escaped(LetterText::contacts())),
        QStringLiteral("<p>%1</p>").arg(escaped(LetterText::signature())),
        QStringLiteral("</div>"),
        QStringLiteral("</body>"),
        QStringLiteral("</html>"),
    };
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace cqrs::stub
