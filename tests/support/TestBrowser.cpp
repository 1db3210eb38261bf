#include "tests/support/TestBrowser.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

std::function<bool(const QUrl &)> TestBrowser::opener()
{
    return [this](const QUrl &url) {
        m_opened = url;
        m_landed.clear();
        return true;
    };
}

QUrl TestBrowser::openedUrl()
{
    if (m_landed.isEmpty() && !m_opened.isEmpty()) {
        const Page start = get(m_opened);
        m_landed = start.status == 302 ? start.location : m_opened;
    }
    return m_landed;
}

bool TestBrowser::waitUntilOpened(int timeoutMs) const
{
    return QTest::qWaitFor([this] { return !m_opened.isEmpty(); }, timeoutMs);
}

TestBrowser::Page TestBrowser::get(const QUrl &url)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return wait(m_network.get(request));
}

TestBrowser::Page TestBrowser::postForm(const QUrl &url,
                                        const QList<QPair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return wait(m_network.post(request, body));
}

TestBrowser::Page TestBrowser::submitSignIn(const QUrl &authorizeUrl, const QString &email,
                                            const QString &password, const QString &action)
{
    Page form = get(authorizeUrl);
    if (!form.ok())
        return form;
    QList<QPair<QString, QString>> fields;
    const QMap<QString, QString> hidden = hiddenFields(form.body);
    for (auto it = hidden.cbegin(); it != hidden.cend(); ++it)
        fields.append({it.key(), it.value()});
    fields.append({QStringLiteral("email"), email});
    fields.append({QStringLiteral("password"), password});
    fields.append({QStringLiteral("action"), action});
    // The form posts to a path on the provider's own origin.
    return postForm(authorizeUrl.resolved(QUrl(QStringLiteral("/idp/authorize"))), fields);
}

QMap<QString, QString> TestBrowser::hiddenFields(const QByteArray &html)
{
    static const QRegularExpression input(
        QStringLiteral("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">"));
    QMap<QString, QString> fields;
    auto matches = input.globalMatch(QString::fromUtf8(html));
    while (matches.hasNext()) {
        const auto match = matches.next();
        QString value = match.captured(2);
        value.replace(QStringLiteral("&quot;"), QStringLiteral("\""))
            .replace(QStringLiteral("&lt;"), QStringLiteral("<"))
            .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
            .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
        fields.insert(match.captured(1), value);
    }
    return fields;
}

TestBrowser::Page TestBrowser::wait(QNetworkReply *reply)
{
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000))
        reply->abort();
    Page page;
    page.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    page.body = reply->readAll();
    const QByteArray location = reply->rawHeader("Location");
    if (!location.isEmpty())
        page.location = reply->url().resolved(QUrl::fromEncoded(location));
    reply->deleteLater();
    return page;
}

QUrl TestBrowser::authorizeUrl(const QUrl &endpoint, const QString &clientId,
                               const QString &redirectUri, const QString &codeChallenge,
                               const QString &scope)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), clientId);
    query.addQueryItem(QStringLiteral("redirect_uri"), redirectUri);
    query.addQueryItem(QStringLiteral("scope"), scope);
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("s1"));
    query.addQueryItem(QStringLiteral("nonce"), QStringLiteral("n1"));
    query.addQueryItem(QStringLiteral("code_challenge"), codeChallenge);
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    QUrl url = endpoint;
    url.setQuery(query);
    return url;
}
