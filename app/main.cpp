#include <QApplication>
#include <QLabel>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QLabel window(QObject::tr("CQRS Desktop"));
    window.setWindowTitle(QObject::tr("CQRS Desktop"));
    window.resize(480, 320);
    window.show();
    return app.exec();
}
