#include "fuzz/FuzzTarget.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

// Feeds every file under the folders named on the command line to the target once: the seed
// corpus and the saved crashes and hangs, so a fixed finding stays fixed without clang.
int main(int argc, char **argv)
{
    int replayed = 0;
    for (int i = 1; i < argc; ++i) {
        const QDir folder(QFile::decodeName(argv[i]));
        if (!folder.exists())
            continue;
        const QFileInfoList files = folder.entryInfoList(QDir::Files | QDir::Hidden, QDir::Name);
        for (const QFileInfo &file : files) {
            if (file.fileName() == QLatin1String(".gitkeep"))
                continue;
            QFile input(file.filePath());
            if (!input.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "cannot read %s\n", qPrintable(file.filePath()));
                return 1;
            }
            const QByteArray data = input.readAll();
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.constData()),
                                   static_cast<size_t>(data.size()));
            ++replayed;
        }
    }
    std::printf("replayed %d inputs\n", replayed);
    // A target with no inputs at all means a folder was moved: that is a broken test, not a pass.
    return replayed > 0 ? 0 : 1;
}
