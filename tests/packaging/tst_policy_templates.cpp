// The Group Policy templates (packaging/windows/policy) against the app: the ADMX defines one
// policy for each value ServiceSettings reads from the managed store, and nothing else, all
// under the key the app reads; the ADML holds every text and box the ADMX refers to; both are
// well-formed XML.

#include "core/settings/ServiceSettings.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

const QString policyKey = QStringLiteral("Software\\Policies\\NHS\\CQRS Desktop");

struct Policy
{
    QString name;
    QString policyClass;
    QString key;
    QString presentation;
    QStringList valueNames; // the policy's own, or its elements'
    QStringList elementIds;
    bool writesDecimal = false; // enabledValue/disabledValue as a REG_DWORD
};

struct Presentation
{
    QStringList refIds;
};

QString readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

// "$(string.X)" or "$(presentation.X)" -> X
QString reference(const QString &kind, const QString &text)
{
    const QRegularExpression pattern(QStringLiteral("^\\$\\(%1\\.([^)]+)\\)$").arg(kind));
    return pattern.match(text).captured(1);
}

} // namespace

class PolicyTemplatesTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void templatesAreWellFormed();
    void admxDefinesExactlyTheValuesTheAppReads();
    void everyPolicyIsPerMachineUnderTheAppsPolicyKey();
    void onOffPoliciesAreWrittenAsTheDwordsTheMsiWrites();
    void idleMinutesAreADwordWithinTheAppsLimits();
    void admlHasEveryTextAndBoxTheAdmxNames();

private:
    void readAdmx();
    void readAdml();

    QString m_admxText;
    QString m_admlText;
    QString m_admxError;
    QString m_admlError;
    QList<Policy> m_policies;
    QStringList m_stringReferences;
    QSet<QString> m_strings;
    QHash<QString, Presentation> m_presentations;
};

void PolicyTemplatesTest::initTestCase()
{
    const QString dir = qEnvironmentVariable("CQRS_POLICY_DIR");
    m_admxText = readFile(dir + QStringLiteral("/cqrs-desktop.admx"));
    m_admlText = readFile(dir + QStringLiteral("/en-US/cqrs-desktop.adml"));
    QVERIFY2(!m_admxText.isEmpty(), qPrintable(dir));
    QVERIFY2(!m_admlText.isEmpty(), qPrintable(dir));
    readAdmx();
    readAdml();
}

void PolicyTemplatesTest::readAdmx()
{
    QXmlStreamReader xml(m_admxText);
    Policy *policy = nullptr;
    bool inPolicyValue = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == QLatin1String("policy")) {
            policy = nullptr;
        }
        if (xml.isEndElement()
            && (xml.name() == QLatin1String("enabledValue")
                || xml.name() == QLatin1String("disabledValue"))) {
            inPolicyValue = false;
        }
        if (!xml.isStartElement()) {
            continue;
        }
        const QXmlStreamAttributes attributes = xml.attributes();
        for (const QXmlStreamAttribute &attribute : attributes) {
            if (attribute.value().startsWith(QLatin1String("$(string."))) {
                m_stringReferences.append(
                    reference(QStringLiteral("string"), attribute.value().toString()));
            }
        }
        if (xml.name() == QLatin1String("policy")) {
            m_policies.append(
                {attributes.value(QLatin1String("name")).toString(),
                 attributes.value(QLatin1String("class")).toString(),
                 attributes.value(QLatin1String("key")).toString(),
                 reference(QStringLiteral("presentation"),
                           attributes.value(QLatin1String("presentation")).toString()),
                 {},
                 {},
                 false});
            policy = &m_policies.last();
        }
        if (!policy) {
            continue;
        }
        if (attributes.hasAttribute(QLatin1String("valueName"))) {
            policy->valueNames.append(attributes.value(QLatin1String("valueName")).toString());
        }
        if (attributes.hasAttribute(QLatin1String("id"))) {
            policy->elementIds.append(attributes.value(QLatin1String("id")).toString());
        }
        if (xml.name() == QLatin1String("enabledValue")
            || xml.name() == QLatin1String("disabledValue")) {
            inPolicyValue = true;
        }
        policy->writesDecimal |= inPolicyValue && xml.name() == QLatin1String("decimal");
    }
    if (xml.hasError()) {
        m_admxError = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    }
}

void PolicyTemplatesTest::readAdml()
{
    QXmlStreamReader xml(m_admlText);
    QString presentation;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            continue;
        }
        const QXmlStreamAttributes attributes = xml.attributes();
        if (xml.name() == QLatin1String("string")) {
            m_strings.insert(attributes.value(QLatin1String("id")).toString());
        } else if (xml.name() == QLatin1String("presentation")) {
            presentation = attributes.value(QLatin1String("id")).toString();
            m_presentations.insert(presentation, {});
        } else if (attributes.hasAttribute(QLatin1String("refId"))) {
            m_presentations[presentation].refIds.append(
                attributes.value(QLatin1String("refId")).toString());
        }
    }
    if (xml.hasError()) {
        m_admlError = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    }
}

void PolicyTemplatesTest::templatesAreWellFormed()
{
    QVERIFY2(m_admxError.isEmpty(), qPrintable(QStringLiteral("ADMX ") + m_admxError));
    QVERIFY2(m_admlError.isEmpty(), qPrintable(QStringLiteral("ADML ") + m_admlError));
    const QString namespaceUri = QStringLiteral(
        "xmlns=\"http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions\"");
    QVERIFY(m_admxText.contains(namespaceUri));
    QVERIFY(m_admlText.contains(namespaceUri));
}

void PolicyTemplatesTest::admxDefinesExactlyTheValuesTheAppReads()
{
    QStringList valueNames;
    for (const Policy &policy : std::as_const(m_policies)) {
        // One value per policy, named as the policy, so the editor lists what the app reads.
        QCOMPARE(policy.valueNames, QStringList {policy.name});
        valueNames += policy.valueNames;
    }
    QStringList appKeys = cqrs::ServiceSettings::managedPolicyKeys();
    valueNames.sort();
    appKeys.sort();
    QCOMPARE(valueNames, appKeys);
}

void PolicyTemplatesTest::everyPolicyIsPerMachineUnderTheAppsPolicyKey()
{
    QVERIFY(!m_policies.isEmpty());
    for (const Policy &policy : std::as_const(m_policies)) {
        // The app reads HKLM only: a per-user (HKCU) policy would be ignored.
        QVERIFY2(policy.policyClass == QLatin1String("Machine"), qPrintable(policy.name));
        QVERIFY2(policy.key == policyKey, qPrintable(policy.name));
    }
}

void PolicyTemplatesTest::onOffPoliciesAreWrittenAsTheDwordsTheMsiWrites()
{
    using cqrs::ServiceSettings;
    const QStringList onOff = {QLatin1String(ServiceSettings::SsoEnabledKey),
                               QLatin1String(ServiceSettings::AllowRememberUserIdKey),
                               QLatin1String(ServiceSettings::AllowRememberSignInKey)};
    for (const Policy &policy : std::as_const(m_policies)) {
        const bool isOnOff = onOff.contains(policy.name);
        QVERIFY2(policy.writesDecimal == isOnOff, qPrintable(policy.name));
        // Every other value is typed into a box of its own.
        QVERIFY2(isOnOff || policy.elementIds == QStringList {policy.name},
                 qPrintable(policy.name));
    }
}

void PolicyTemplatesTest::idleMinutesAreADwordWithinTheAppsLimits()
{
    using cqrs::ServiceSettings;
    const QRegularExpression element(
        QStringLiteral("<decimal id=\"IdleSignOutMinutes\" valueName=\"IdleSignOutMinutes\"[^>]*"
                       "minValue=\"(\\d+)\" maxValue=\"(\\d+)\""));
    const QRegularExpressionMatch match = element.match(m_admxText);
    QVERIFY2(match.hasMatch(), "IdleSignOutMinutes is not a decimal element");
    QCOMPARE(match.captured(1).toInt(), ServiceSettings::MinimumIdleSignOutMinutes);
    QCOMPARE(match.captured(2).toInt(), ServiceSettings::MaximumIdleSignOutMinutes);
}

void PolicyTemplatesTest::admlHasEveryTextAndBoxTheAdmxNames()
{
    QVERIFY(!m_stringReferences.isEmpty());
    for (const QString &id : std::as_const(m_stringReferences)) {
        QVERIFY2(m_strings.contains(id), qPrintable(QStringLiteral("no string %1").arg(id)));
    }
    for (const Policy &policy : std::as_const(m_policies)) {
        if (policy.elementIds.isEmpty()) {
            continue;
        }
        QVERIFY2(m_presentations.contains(policy.presentation), qPrintable(policy.name));
        QCOMPARE(m_presentations.value(policy.presentation).refIds, policy.elementIds);
    }
}

QTEST_GUILESS_MAIN(PolicyTemplatesTest)
#include "tst_policy_templates.moc"
