#include "app/platform/posix/OwnerChecks.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cqrs::app::posix {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("cqrs::app::posix", text);
}

} // namespace

QString preparePrivateDirectory(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    if (::mkdir(native.constData(), S_IRWXU) != 0 && errno != EEXIST)
        return tr("The folder %1 cannot be created.").arg(path);
    struct stat status
    {
    };
    if (::lstat(native.constData(), &status) != 0)
        return tr("The folder %1 cannot be read.").arg(path);
    if (!S_ISDIR(status.st_mode))
        return tr("%1 is not a folder.").arg(path);
    if (status.st_uid != ::geteuid())
        return tr("The folder %1 belongs to another user account on this computer.").arg(path);
    if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        return tr("The folder %1 is open to other user accounts on this computer.").arg(path);
    return {};
}

QString foreignFileProblem(const QString &path)
{
    struct stat status
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &status) != 0)
        return {};
    if (S_ISLNK(status.st_mode))
        return tr("%1 is a link to somewhere else.").arg(path);
    if (status.st_uid != ::geteuid())
        return tr("%1 belongs to another user account on this computer.").arg(path);
    return {};
}

bool peerIsThisUser(qintptr socketDescriptor)
{
    const int descriptor = static_cast<int>(socketDescriptor);
#ifdef SO_PEERCRED
    struct ucred peer
    {
    };
    socklen_t size = sizeof peer;
    if (::getsockopt(descriptor, SOL_SOCKET, SO_PEERCRED, &peer, &size) != 0)
        return false;
    return size == sizeof peer && peer.uid == ::geteuid();
#else
    // The BSDs and macOS have no SO_PEERCRED; getpeereid asks the kernel the same question.
    uid_t uid = 0;
    gid_t gid = 0;
    return ::getpeereid(descriptor, &uid, &gid) == 0 && uid == ::geteuid();
#endif
}

} // namespace cqrs::app::posix
