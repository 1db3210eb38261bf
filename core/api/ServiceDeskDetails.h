#pragma once

#include "core/api/ApiError.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QUrl>

namespace cqrs {

// The text behind "Copy details for the service desk": what a service desk analyst asks first
// (app version, operating system, server address, when, the last error in words and its code,
// a refused certificate's facts, and the last NHSmail sign-in problem in words). Built only from
// those facts, so a password, session token, link token or cookie has no way in: the server address
// loses any user name, query and fragment, and no request address (a link's path carries its token)
// is included.
class ServiceDeskDetails
{
    Q_DECLARE_TR_FUNCTIONS(ServiceDeskDetails)

public:
    // `lastNhsMailProblem`: what the sign-in screen last said when NHSmail sign-in failed.
    static QString compose(const QUrl &server, const ApiError &lastError,
                           const QString &lastNhsMailProblem = {},
                           const QDateTime &at = QDateTime::currentDateTime());
};

} // namespace cqrs
