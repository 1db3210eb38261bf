#include "core/oidc/flow/LoopbackReplyHandler.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace cqrs {

LoopbackReplyHandler::LoopbackReplyHandler(QObject *parent)
    // The base constructors start listening at once; the plain one on every interface.
    : QOAuthHttpServerReplyHandler(QHostAddress::LocalHost, 0, parent)
{
    answerBrowserWith(Page::Received);
}

void LoopbackReplyHandler::answerBrowserWith(Page page)
{
    // The app tells the person what happened; the tab only sends them back to it.
    QString heading = tr("You can close this tab");
    QString text;
    switch (page) {
    case Page::Received:
        text = tr("CQRS Desktop has received your NHSmail sign-in. Go back to CQRS Desktop to "
                  "continue.");
        break;
    case Page::Cancelled:
        text = tr("The NHSmail sign-in was cancelled. Go back to CQRS Desktop to try again or to "
                  "sign in with your User ID and password.");
        break;
    case Page::Failed:
        text = tr("The NHSmail sign-in did not complete. Go back to CQRS Desktop to see what to "
                  "do next.");
        break;
    case Page::NotOurs:
        heading = tr("CQRS Desktop ignored this page");
        text = tr("This answer does not belong to the NHSmail sign-in that CQRS Desktop is "
                  "waiting for. If you are signing in, finish in the NHSmail page that CQRS "
                  "Desktop opened.");
        break;
    }
    setCallbackText(QStringLiteral("<h1 style=\"font-family:sans-serif\">%1</h1>"
                                   "<p style=\"font-family:sans-serif\">%2</p>")
                        .arg(heading, text));
}

bool LoopbackReplyHandler::listenOnLoopback()
{
    return isListening() || listen(QHostAddress::LocalHost, 0);
}

void LoopbackReplyHandler::networkReplyFinished(QNetworkReply *reply)
{
    const QByteArray body = reply->read(MaxTokenResponseBytes);
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    const QString error = answer.value(QLatin1String("error")).toString();
    if (!error.isEmpty()) {
        // RFC 6749 §5.2: invalid_grant covers a used, expired or mismatched code or verifier.
        if (error == QLatin1String("invalid_grant"))
            emit grantRefused(tr("NHSmail did not accept this sign-in (it may have "
                                 "expired or already been used). Sign in again."));
        else
            emit tokenRequestFailed(
                tr("NHSmail refused to complete the sign-in (%1). Sign in again, and if it "
                   "keeps happening contact the service desk.")
                    .arg(error.left(64)));
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        emit tokenRequestFailed(tr("Could not reach NHSmail to complete the sign-in. Check your "
                                   "connection and try again."));
        return;
    }
    if (answer.value(QLatin1String("access_token")).toString().isEmpty()) {
        emit tokenRequestFailed(tr("NHSmail's answer could not be understood. Sign in again, "
                                   "and if it keeps happening contact the service desk."));
        return;
    }
    emit tokensReceived(answer.toVariantMap());
}

} // namespace cqrs
