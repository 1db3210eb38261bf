#include "core/oidc/flow/LoopbackReplyHandler.h"

#include "core/crypto/SecureRandom.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QUrlQuery>

namespace cqrs {

LoopbackReplyHandler::LoopbackReplyHandler(QObject *parent)
    : QAbstractOAuthReplyHandler(parent)
    , m_listener([this](const QUrl &target) { return respond(target); })
{ }

void LoopbackReplyHandler::answerBrowserWith(Page page)
{
    m_answer = page;
}

void LoopbackReplyHandler::stopWaiting(Page page)
{
    m_waiting = false;
    m_late = page;
}

bool LoopbackReplyHandler::listenOnLoopback()
{
    return m_listener.listen();
}

quint16 LoopbackReplyHandler::port() const
{
    return m_listener.port();
}

QUrl LoopbackReplyHandler::startPageFor(const QUrl &authorizeUrl)
{
    m_authorizeUrl = authorizeUrl;
    m_startPageOpened = false;
    m_startPath = QStringLiteral("/start/") + SecureRandom::base64Url(16);
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_listener.port()).arg(m_startPath));
}

QString LoopbackReplyHandler::callback() const
{
    return QStringLiteral("http://127.0.0.1:%1/").arg(m_listener.port());
}

LoopbackListener::Page LoopbackReplyHandler::respond(const QUrl &target)
{
    if (!m_startPath.isEmpty() && target.path() == m_startPath) {
        if (!m_startPageOpened && m_waiting) {
            m_startPageOpened = true;
            return {302, {}, m_authorizeUrl.toEncoded()};
        }
        // Opened before: by something else than the browser, one of the two.
        if (m_waiting)
            emit startPageOpenedTwice();
        return {200, html(m_late)};
    }
    if (target.path() != QLatin1String("/"))
        return {404, {}};
    if (!m_waiting)
        return {200, html(m_late)};
    m_answer = Page::NotOurs;
    // Decoded as Qt 6.4's own handler did, which OidcSignIn's handling of the code expects.
    QVariantMap values;
    const auto items = QUrlQuery(target.query()).queryItems();
    for (const auto &[key, value] : items)
        values.insert(key, value);
    emit callbackReceived(values);
    return {200, html(m_answer)};
}

QByteArray LoopbackReplyHandler::html(Page page)
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
    return QStringLiteral("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<title>CQRS Desktop</title></head><body>"
                          "<h1 style=\"font-family:sans-serif\">%1</h1>"
                          "<p style=\"font-family:sans-serif\">%2</p></body></html>")
        .arg(heading.toHtmlEscaped(), text.toHtmlEscaped())
        .toUtf8();
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
