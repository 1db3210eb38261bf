#pragma once

#include <QObject>
#include <QUrl>

namespace cqrs::app {

// Where links arrive from the operating system rather than the command line: on macOS a
// clicked cqrs:// link reaches the running app as a QFileOpenEvent or through
// QDesktopServices' URL handler, never as a new process.
class LinkReceiver : public QObject
{
    Q_OBJECT

public:
    explicit LinkReceiver(QObject *parent = nullptr);
    ~LinkReceiver() override;

public slots:
    void openUrl(const QUrl &url);

signals:
    void linkReceived(const QString &link);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace cqrs::app
