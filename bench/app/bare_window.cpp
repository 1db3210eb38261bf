// The yardstick for bench_app's cold start: the least a Qt Widgets app does to show a window,
// at Qt's own size or, given WIDTH HEIGHT, at the app's (the same pixels to fill and send).
// It prints "first window shown" once its window is on screen and painted: the moment the app's
// cqrs.startup log line marks (queued after the first exposure, which paints).
#include <QApplication>
#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <QWindow>

#include <cstdio>

namespace {

class ExposureReporter : public QObject
{
protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Expose && static_cast<QWindow *>(watched)->isExposed()) {
            QMetaObject::invokeMethod(
                this,
                [] {
                    std::puts("first window shown");
                    std::fflush(stdout);
                },
                Qt::QueuedConnection);
            watched->removeEventFilter(this);
        }
        return false;
    }
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("Sign in")));
    if (argc == 3)
        window.resize(QString::fromLocal8Bit(argv[1]).toInt(),
                      QString::fromLocal8Bit(argv[2]).toInt());
    window.winId(); // creates the QWindow, so the filter sees its first exposure
    ExposureReporter reporter;
    window.windowHandle()->installEventFilter(&reporter);
    window.show();
    return QApplication::exec();
}
