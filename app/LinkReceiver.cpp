#include "app/LinkReceiver.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QFileOpenEvent>

namespace cqrs::app {

LinkReceiver::LinkReceiver(QObject *parent)
    : QObject(parent)
{
    QCoreApplication::instance()->installEventFilter(this);
#ifdef Q_OS_MACOS
    QDesktopServices::setUrlHandler(QStringLiteral("cqrs"), this, "openUrl");
#endif
}

LinkReceiver::~LinkReceiver()
{
#ifdef Q_OS_MACOS
    QDesktopServices::unsetUrlHandler(QStringLiteral("cqrs"));
#endif
}

void LinkReceiver::openUrl(const QUrl &url)
{
    // The strict parser gets the text exactly as delivered, not QUrl's normalised form.
    emit linkReceived(url.toString(QUrl::FullyEncoded));
}

bool LinkReceiver::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FileOpen && watched == QCoreApplication::instance()) {
        const QUrl url = static_cast<QFileOpenEvent *>(event)->url();
        if (url.scheme().compare(QLatin1String("cqrs"), Qt::CaseInsensitive) == 0) {
            openUrl(url);
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace cqrs::app
