// server-stub/openapi.json against the typed contract (core/api/ApiContract.h): every error
// code the server can raise is documented with its status, every path is described, and nothing
// is documented that the contract does not have.
#include "core/api/ApiContract.h"
#include "core/policy/PolicyRule.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using namespace cqrs;

namespace {

using Documented = QSet<std::pair<QString, int>>; // (error code, status)

QJsonObject openApi()
{
    QFile file(QStringLiteral(CQRS_OPENAPI_JSON));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// A response documents the codes it names in backticks; the Error body's own fields, which
// descriptions name too, are not codes.
void collect(const QJsonObject &responses, const QStringList &errorFields, Documented *into)
{
    static const QRegularExpression quoted(QStringLiteral("`([a-z][a-z_]*)`"));
    for (auto it = responses.begin(); it != responses.end(); ++it) {
        const int status = it.key().toInt();
        if (status < 400)
            continue;
        const QString description
            = it.value().toObject().value(QLatin1String("description")).toString();
        for (const auto &match : quoted.globalMatch(description)) {
            if (!errorFields.contains(match.captured(1)))
                into->insert({match.captured(1), status});
        }
    }
}

bool isApiPath(const QString &path)
{
    // /dev (--dev) and /idp (the stand-in identity provider, an OpenID provider of its own) are
    // documented for testers but are not the CQRS API.
    return !path.startsWith(QLatin1String("/dev/")) && !path.startsWith(QLatin1String("/idp/"));
}

} // namespace

class TestStubOpenApi : public QObject
{
    Q_OBJECT

private:
    QJsonObject m_doc;
    Documented m_documented;

private slots:
    void initTestCase()
    {
        m_doc = openApi();
        QVERIFY2(!m_doc.isEmpty(), "server-stub/openapi.json could not be read as JSON");
        const QJsonObject error = m_doc.value(QLatin1String("components"))
                                      .toObject()
                                      .value(QLatin1String("schemas"))
                                      .toObject()
                                      .value(QLatin1String("Error"))
                                      .toObject();
        const QStringList errorFields = error.value(QLatin1String("properties")).toObject().keys();
        QVERIFY(errorFields.contains(QLatin1String("error")));
        const QJsonObject paths = m_doc.value(QLatin1String("paths")).toObject();
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            if (!isApiPath(path.key()))
                continue;
            const QJsonObject operations = path.value().toObject();
            for (const QJsonValue operation : operations)
                collect(operation.toObject().value(QLatin1String("responses")).toObject(),
                        errorFields, &m_documented);
        }
        // The errors any request can meet are told once, in info.description, as "404 `not_found`".
        static const QRegularExpression anyRequest(QStringLiteral("(\\d{3}) `([a-z][a-z_]*)`"));
        const QString overview = m_doc.value(QLatin1String("info"))
                                     .toObject()
                                     .value(QLatin1String("description"))
                                     .toString();
        for (const auto &match : anyRequest.globalMatch(overview))
            m_documented.insert({match.captured(2), match.captured(1).toInt()});
    }

    void everyErrorTheServerRaisesIsDocumentedWithItsStatus()
    {
        for (const api::ApiErrorCode &error : api::Errors::All) {
            const std::pair<QString, int> entry {QString(error.code), error.status};
            QVERIFY2(m_documented.contains(entry),
                     qPrintable(QStringLiteral("openapi.json does not document `%1` (%2)")
                                    .arg(entry.first)
                                    .arg(entry.second)));
        }
    }

    void nothingIsDocumentedThatTheContractLacks()
    {
        QSet<std::pair<QString, int>> contract;
        for (const api::ApiErrorCode &error : api::Errors::All)
            contract.insert({QString(error.code), error.status});
        for (const auto &entry : std::as_const(m_documented))
            QVERIFY2(contract.contains(entry),
                     qPrintable(QStringLiteral("openapi.json documents `%1` with %2, which the "
                                               "contract does not have")
                                    .arg(entry.first)
                                    .arg(entry.second)));
    }

    void thePathsAreTheContractsPaths()
    {
        QStringList documented;
        for (const QString &path : m_doc.value(QLatin1String("paths")).toObject().keys()) {
            if (isApiPath(path))
                documented.append(path);
        }
        QStringList contract;
        for (const QLatin1String path : api::Paths::All)
            contract.append(QString(path));
        documented.sort();
        contract.sort();
        QCOMPARE(documented, contract);
    }

    // The confirmation rule is the app's alone: the server is sent one password.
    void theViolationsAreTheRulesTheServerJudges()
    {
        const QJsonArray documented = m_doc.value(QLatin1String("components"))
                                          .toObject()
                                          .value(QLatin1String("schemas"))
                                          .toObject()
                                          .value(QLatin1String("Error"))
                                          .toObject()
                                          .value(QLatin1String("properties"))
                                          .toObject()
                                          .value(QLatin1String("violations"))
                                          .toObject()
                                          .value(QLatin1String("items"))
                                          .toObject()
                                          .value(QLatin1String("enum"))
                                          .toArray();
        QStringList ids;
        for (const QJsonValue id : documented)
            ids.append(id.toString());
        QStringList rules;
        for (const PolicyRule rule : locallyJudgedRules() + serverJudgedRules()) {
            if (rule != PolicyRule::Confirmation)
                rules.append(ruleId(rule));
        }
        ids.sort();
        rules.sort();
        QCOMPARE(ids, rules);
    }
};

QTEST_GUILESS_MAIN(TestStubOpenApi)
#include "tst_stub_openapi.moc"
