#pragma once

#include "core/api/ApiError.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>

namespace cqrs::app {

// What the server's refusals mean to the person, for every journey, in one place: the only file
// in app/ that reads API error codes and rule ids, and it reads them from the typed contract
// (core/api/ApiContract.h, core/policy/PolicyRule.h). Errors it has no special words for get
// ApiError::userMessage().
class RefusalWords
{
    Q_DECLARE_TR_FUNCTIONS(RefusalWords)

public:
    struct Words
    {
        QString title;
        QString message;
        // Rewordings of checklist items, keyed by rule id (the next allowed change for min-age).
        QHash<QString, QString> ruleDetail;
    };

    // The link is expired, used or unknown: nothing on its screen can help any more.
    static bool isSpentLink(const ApiError &error);
    static Words forLink(const ApiError &error, bool resetLink);
    static QString forNewPassword(const ApiError &error);
    static Words forPasswordChange(const ApiError &error);
    static QString forSignIn(const ApiError &error);
    static QString forNhsMailSignIn(const ApiError &error);
    // The server says this NHSmail account gets no CQRS session, as opposed to not answering:
    // only then is a remembered NHSmail sign-in useless.
    static bool refusesNhsMail(const ApiError &error);
};

} // namespace cqrs::app
