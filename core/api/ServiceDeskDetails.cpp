#include "core/api/ServiceDeskDetails.h"

#include <QStringList>
#include <QSysInfo>

namespace cqrs {

QString ServiceDeskDetails::compose(const QUrl &server, const ApiError &lastError,
                                    const QString &lastNhsMailProblem, const QDateTime &at)
{
    const QString version = QCoreApplication::applicationVersion();
    QStringList lines {
        tr("App: CQRS Desktop %1").arg(version.isEmpty() ? tr("(version unknown)") : version),
        tr("Operating system: %1 (%2, %3)")
            .arg(QSysInfo::prettyProductName(), QSysInfo::kernelVersion(),
                 QSysInfo::currentCpuArchitecture()),
        tr("Qt: %1").arg(QString::fromLatin1(qVersion())),
        tr("Server: %1")
            .arg(server.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
                     .toString()),
        tr("Time: %1 (UTC %2)").arg(at.toString(Qt::ISODate), at.toUTC().toString(Qt::ISODate)),
    };
    if (lastError.kind == ApiError::Kind::None) {
        lines << tr("Last error: none");
    } else {
        lines << tr("Last error: %1").arg(lastError.userMessage())
              << tr("Error code: %1").arg(lastError.diagnosticCode());
    }
    if (lastError.tls)
        lines << lastError.tls->details();
    if (!lastNhsMailProblem.isEmpty())
        lines << tr("Last NHSmail sign-in problem: %1").arg(lastNhsMailProblem);
    return lines.join(QLatin1Char('\n'));
}

} // namespace cqrs
