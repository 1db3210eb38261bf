// Reads back the two packages the build makes, with the tools that will consume them: the MSI
// (wixl-built from the WiX source CPack uses on Windows) through msiinfo, the .deb through
// dpkg-deb, desktop-file-validate, update-desktop-database, xdg-mime and appstreamcli.

#include "core/settings/ServiceSettings.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct ToolRun
{
    int exitCode = -1;
    QString output;
};

ToolRun runTool(const QString &program, const QStringList &arguments,
                const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(30000)) {
        return {-1, QStringLiteral("%1 did not finish: %2").arg(program, process.errorString())};
    }
    const int exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return {exitCode, QString::fromUtf8(process.readAll())};
}

// Column order of the MSI tables the checks read, as msiinfo exports them.
namespace Registry {
constexpr qsizetype Root = 1, Key = 2, Name = 3, Value = 4, Component = 5;
}
namespace Component {
constexpr qsizetype Id = 0, Attributes = 3, Condition = 4;
}
constexpr int msidbRegistryRootLocalMachine = 2;
constexpr int msidbComponentAttributes64bit = 256;
constexpr int msidbUpgradeAttributesOnlyDetect = 2;
constexpr int msidbUpgradeAttributesVersionMinInclusive = 256;
constexpr int msidbUpgradeAttributesVersionMaxInclusive = 512;
constexpr int msidbLocatorType64bit = 16;
constexpr int msidbCustomActionTypeSetProperty = 51;

const QString policyKey = QStringLiteral("Software\\Policies\\NHS\\CQRS Desktop");
const QString protocolKey = QStringLiteral("Software\\Classes\\cqrs");
const QString productKey = QStringLiteral("Software\\NHS\\CQRS Desktop");
const QString rememberedKey = productKey + QStringLiteral("\\Installer");
const QStringList adminProperties = {QStringLiteral("SERVER_URL"),
                                     QStringLiteral("SSO_ENABLED"),
                                     QStringLiteral("SSO_ISSUER"),
                                     QStringLiteral("SSO_CLIENT_ID"),
                                     QStringLiteral("SSO_SCOPES"),
                                     QStringLiteral("PROXY_URL"),
                                     QStringLiteral("EXTRA_CA_CERTIFICATES"),
                                     QStringLiteral("ALLOW_REMEMBER_USER_ID"),
                                     QStringLiteral("ALLOW_REMEMBER_SIGN_IN"),
                                     QStringLiteral("IDLE_SIGN_OUT_MINUTES")};

} // namespace

class PackagingTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void msiOpensCqrsLinksWithTheUrlAfterEndOfOptions();
    void msiRemovesItsOwnKeysWholeOnUninstall_data();
    void msiRemovesItsOwnKeysWholeOnUninstall();
    void msiWritesEachManagedSettingOnlyWhenItsPropertyIsSet_data();
    void msiWritesEachManagedSettingOnlyWhenItsPropertyIsSet();
    void msiHasAPropertyForEveryValueTheAppReadsAsPolicy();
    void msiKeepsEachManagedSettingForTheNextUpgrade_data();
    void msiKeepsEachManagedSettingForTheNextUpgrade();
    void msiAdminPropertiesAreSecureAndUnsetByDefault();
    void msiRefusesAnOnOffValueOtherThanZeroOrOne_data();
    void msiRefusesAnOnOffValueOtherThanZeroOrOne();
    void msiRefusesIdleMinutesThatAreNotANumber();
    void msiUpgradesOlderVersionsAndRefusesNewerOnes();
    void msiInstallsPerMachineWithAStartMenuShortcut();

    void practiceDebCarriesTheAppAndItsDesktopIntegrationOnly();
    void testerDebCarriesTheServerStubOnly();
    void debsDependOnThePluginsQtLoadsAtRunTime();
    void desktopEntryIsValidAndClaimsCqrsLinks();
    void xdgMimeNamesTheAppForCqrsLinksOnceRegistered();
    void metainfoPassesAppStreamValidation();

private:
    QList<QStringList> msiTable(const QString &table) const;
    QStringList registryRow(const QString &key, const QString &name) const;
    QStringList componentRow(const QString &component) const;
    QString msiProperty(const QString &name) const;
    QString installed(const QString &relativePath) const;
    static QString unpack(const QDir &debDir, const QString &package, const QTemporaryDir &into);

    QString m_msi;
    QString m_desktopId;
    QTemporaryDir m_debRoot;
    QString m_deb;
    QTemporaryDir m_stubDebRoot;
    QString m_stubDeb;
};

void PackagingTest::initTestCase()
{
    m_msi = qEnvironmentVariable("CQRS_MSI_FILE");
    m_desktopId = qEnvironmentVariable("CQRS_DESKTOP_ID");
    QVERIFY2(QFile::exists(m_msi), qPrintable(QStringLiteral("no MSI at '%1'").arg(m_msi)));
    QVERIFY(!m_desktopId.isEmpty());

    const QDir debDir(qEnvironmentVariable("CQRS_DEB_DIR"));
    const QStringList debs = debDir.entryList({QStringLiteral("*.deb")}, QDir::Files);
    QVERIFY2(debs.size() == 2,
             qPrintable(QStringLiteral("expected two .debs in '%1', found %2")
                            .arg(debDir.path(), debs.join(QStringLiteral(", ")))));
    m_deb = unpack(debDir, QStringLiteral("cqrs-desktop"), m_debRoot);
    QVERIFY(!m_deb.isEmpty());
    m_stubDeb = unpack(debDir, QStringLiteral("cqrs-server-stub"), m_stubDebRoot);
    QVERIFY(!m_stubDeb.isEmpty());
}

// The package's file ("<package>_<version>_<arch>.deb"), unpacked into `into`; empty on failure.
QString PackagingTest::unpack(const QDir &debDir, const QString &package, const QTemporaryDir &into)
{
    const QStringList found = debDir.entryList({package + QStringLiteral("_*.deb")}, QDir::Files);
    if (found.size() != 1 || !into.isValid())
        return {};
    QString deb = debDir.filePath(found.first());
    const ToolRun extract
        = runTool(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), deb, into.path()});
    if (extract.exitCode != 0) {
        qWarning("dpkg-deb -x %s: %s", qPrintable(deb), qPrintable(extract.output));
        return {};
    }
    return deb;
}

QList<QStringList> PackagingTest::msiTable(const QString &table) const
{
    const ToolRun run
        = runTool(QStringLiteral("msiinfo"), {QStringLiteral("export"), m_msi, table});
    if (run.exitCode != 0) {
        qWarning("msiinfo export %s failed: %s", qPrintable(table), qPrintable(run.output));
        return {};
    }
    // msiinfo writes the .idt format: CRLF lines, three header lines, tab-separated columns.
    QStringList lines = run.output.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QList<QStringList> rows;
    for (qsizetype i = 3; i < lines.size(); ++i) {
        rows.append(lines.at(i).split(QLatin1Char('\t')));
    }
    return rows;
}

QStringList PackagingTest::registryRow(const QString &key, const QString &name) const
{
    for (const QStringList &row : msiTable(QStringLiteral("Registry"))) {
        if (row.value(Registry::Key) == key && row.value(Registry::Name) == name) {
            return row;
        }
    }
    return {};
}

QStringList PackagingTest::componentRow(const QString &component) const
{
    for (const QStringList &row : msiTable(QStringLiteral("Component"))) {
        if (row.value(Component::Id) == component) {
            return row;
        }
    }
    return {};
}

QString PackagingTest::msiProperty(const QString &name) const
{
    for (const QStringList &row : msiTable(QStringLiteral("Property"))) {
        if (row.value(0) == name) {
            return row.value(1);
        }
    }
    return {};
}

QString PackagingTest::installed(const QString &relativePath) const
{
    return m_debRoot.filePath(relativePath);
}

void PackagingTest::msiOpensCqrsLinksWithTheUrlAfterEndOfOptions()
{
    const QStringList name = registryRow(protocolKey, QString());
    QCOMPARE(name.value(Registry::Value), QStringLiteral("URL:CQRS Desktop"));
    QCOMPARE(name.value(Registry::Root).toInt(), msidbRegistryRootLocalMachine);

    // Windows treats a class as a URL handler only when this value exists; its data is empty.
    const QStringList urlProtocol = registryRow(protocolKey, QStringLiteral("URL Protocol"));
    QVERIFY2(!urlProtocol.isEmpty(), "no 'URL Protocol' value under HKLM\\Software\\Classes\\cqrs");
    QVERIFY(urlProtocol.value(Registry::Value).isEmpty());

    const QStringList command
        = registryRow(protocolKey + QStringLiteral("\\shell\\open\\command"), QString());
    QCOMPARE(command.value(Registry::Value),
             QStringLiteral("\"[INSTALLDIR]cqrs-desktop.exe\" -- \"%1\""));

    const QStringList icon = registryRow(protocolKey + QStringLiteral("\\DefaultIcon"), QString());
    QVERIFY(icon.value(Registry::Value).contains(QStringLiteral("[INSTALLDIR]")));

    for (const QStringList &row : {name, urlProtocol, command, icon}) {
        const int attributes
            = componentRow(row.value(Registry::Component)).value(Component::Attributes).toInt();
        QVERIFY2(attributes & msidbComponentAttributes64bit,
                 "a 32-bit component would write under WOW6432Node");
    }
}

void PackagingTest::msiRemovesItsOwnKeysWholeOnUninstall_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("keptBy"); // a value whose component owns the key
    QTest::newRow("URL protocol") << protocolKey << QString();
    QTest::newRow("product key") << productKey << QStringLiteral("StartMenuShortcut");
}

void PackagingTest::msiRemovesItsOwnKeysWholeOnUninstall()
{
    QFETCH(QString, key);
    QFETCH(QString, keptBy);
    // A "-" row with no value deletes the key and everything under it when its component goes.
    const QStringList removal = registryRow(key, QStringLiteral("-"));
    QVERIFY2(!removal.isEmpty(),
             qPrintable(QStringLiteral("uninstall would leave HKLM\\%1").arg(key)));
    QVERIFY(removal.value(Registry::Value).isEmpty());
    QCOMPARE(removal.value(Registry::Component),
             registryRow(key, keptBy).value(Registry::Component));
}

void PackagingTest::msiWritesEachManagedSettingOnlyWhenItsPropertyIsSet_data()
{
    QTest::addColumn<QString>("valueName");
    QTest::addColumn<QString>("property");
    QTest::addColumn<QString>("value");
    QTest::newRow("ServerUrl") << "ServerUrl"
                               << "SERVER_URL"
                               << "[SERVER_URL]";
    // "#" makes Windows Installer write a REG_DWORD.
    QTest::newRow("SsoEnabled") << "SsoEnabled"
                                << "SSO_ENABLED"
                                << "#[SSO_ENABLED]";
    QTest::newRow("SsoIssuer") << "SsoIssuer"
                               << "SSO_ISSUER"
                               << "[SSO_ISSUER]";
    QTest::newRow("SsoClientId") << "SsoClientId"
                                 << "SSO_CLIENT_ID"
                                 << "[SSO_CLIENT_ID]";
    QTest::newRow("SsoScopes") << "SsoScopes"
                               << "SSO_SCOPES"
                               << "[SSO_SCOPES]";
    QTest::newRow("ProxyUrl") << "ProxyUrl"
                              << "PROXY_URL"
                              << "[PROXY_URL]";
    QTest::newRow("ExtraCaCertificates") << "ExtraCaCertificates"
                                         << "EXTRA_CA_CERTIFICATES"
                                         << "[EXTRA_CA_CERTIFICATES]";
    QTest::newRow("AllowRememberUserId") << "AllowRememberUserId"
                                         << "ALLOW_REMEMBER_USER_ID"
                                         << "#[ALLOW_REMEMBER_USER_ID]";
    QTest::newRow("AllowRememberSignIn") << "AllowRememberSignIn"
                                         << "ALLOW_REMEMBER_SIGN_IN"
                                         << "#[ALLOW_REMEMBER_SIGN_IN]";
    QTest::newRow("IdleSignOutMinutes") << "IdleSignOutMinutes"
                                        << "IDLE_SIGN_OUT_MINUTES"
                                        << "#[IDLE_SIGN_OUT_MINUTES]";
}

void PackagingTest::msiWritesEachManagedSettingOnlyWhenItsPropertyIsSet()
{
    QFETCH(QString, valueName);
    QFETCH(QString, property);
    QFETCH(QString, value);

    const QStringList row = registryRow(policyKey, valueName);
    QVERIFY2(!row.isEmpty(),
             qPrintable(QStringLiteral("no %1 under HKLM\\%2").arg(valueName, policyKey)));
    QCOMPARE(row.value(Registry::Root).toInt(), msidbRegistryRootLocalMachine);
    QCOMPARE(row.value(Registry::Value), value);

    const QStringList component = componentRow(row.value(Registry::Component));
    QCOMPARE(component.value(Component::Condition), property);
    QVERIFY(component.value(Component::Attributes).toInt() & msidbComponentAttributes64bit);
    // The only setting in its component: otherwise an unset property would hold back another.
    qsizetype settingsInComponent = 0;
    for (const QStringList &other : msiTable(QStringLiteral("Registry"))) {
        settingsInComponent += other.value(Registry::Component) == row.value(Registry::Component)
            && other.value(Registry::Key) == policyKey;
    }
    QCOMPARE(settingsInComponent, 1);
}

void PackagingTest::msiHasAPropertyForEveryValueTheAppReadsAsPolicy()
{
    QStringList written;
    for (const QStringList &row : msiTable(QStringLiteral("Registry"))) {
        if (row.value(Registry::Key) == policyKey) {
            written.append(row.value(Registry::Name));
        }
    }
    QStringList appKeys = cqrs::ServiceSettings::managedPolicyKeys();
    written.sort();
    appKeys.sort();
    QCOMPARE(written, appKeys);
}

void PackagingTest::msiKeepsEachManagedSettingForTheNextUpgrade_data()
{
    msiWritesEachManagedSettingOnlyWhenItsPropertyIsSet_data();
}

void PackagingTest::msiKeepsEachManagedSettingForTheNextUpgrade()
{
    QFETCH(QString, valueName);
    QFETCH(QString, property);

    // Remembered beside the policy value, by the same conditioned component.
    const QStringList remembered = registryRow(rememberedKey, property);
    QCOMPARE(remembered.value(Registry::Value), QStringLiteral("[%1]").arg(property));
    QCOMPARE(remembered.value(Registry::Component),
             registryRow(policyKey, valueName).value(Registry::Component));

    // Read back by AppSearch (RegLocator: Signature_, Root, Key, Name, Type).
    QString signature;
    for (const QStringList &row : msiTable(QStringLiteral("AppSearch"))) {
        if (row.value(0) == property) {
            signature = row.value(1);
        }
    }
    QVERIFY2(!signature.isEmpty(), "an upgrade would not find the remembered value");
    bool locatesRememberedValue = false;
    for (const QStringList &row : msiTable(QStringLiteral("RegLocator"))) {
        locatesRememberedValue |= row.value(0) == signature
            && row.value(1).toInt() == msidbRegistryRootLocalMachine
            && row.value(2) == rememberedKey && row.value(3) == property
            && (row.value(4).toInt() & msidbLocatorType64bit);
    }
    QVERIFY(locatesRememberedValue);

    // A value on the command line beats the remembered one: saved before AppSearch, put back
    // after it and before LaunchConditions judges it (CustomAction: Action, Type, Source, Target).
    const QString commandLineCopy = QStringLiteral("CMDLINE_") + property;
    QString keep;
    QString restore;
    for (const QStringList &row : msiTable(QStringLiteral("CustomAction"))) {
        if ((row.value(1).toInt() & 0x3F) != msidbCustomActionTypeSetProperty) {
            continue;
        }
        if (row.value(2) == commandLineCopy
            && row.value(3) == QStringLiteral("[%1]").arg(property)) {
            keep = row.value(0);
        } else if (row.value(2) == property
                   && row.value(3) == QStringLiteral("[%1]").arg(commandLineCopy)) {
            restore = row.value(0);
        }
    }
    QVERIFY(!keep.isEmpty() && !restore.isEmpty());
    for (const QString &sequence :
         {QStringLiteral("InstallUISequence"), QStringLiteral("InstallExecuteSequence")}) {
        QHash<QString, int> position;
        QString restoreCondition;
        for (const QStringList &row : msiTable(sequence)) {
            position.insert(row.value(0), row.value(2).toInt());
            if (row.value(0) == restore) {
                restoreCondition = row.value(1);
            }
        }
        QVERIFY2(position.contains(keep) && position.contains(restore), qPrintable(sequence));
        QVERIFY(position.value(keep) < position.value(QStringLiteral("AppSearch")));
        QVERIFY(position.value(QStringLiteral("AppSearch")) < position.value(restore));
        QVERIFY(position.value(restore) < position.value(QStringLiteral("LaunchConditions")));
        QCOMPARE(restoreCondition, commandLineCopy);
    }
}

void PackagingTest::msiAdminPropertiesAreSecureAndUnsetByDefault()
{
    const QStringList secure
        = msiProperty(QStringLiteral("SecureCustomProperties")).split(QLatin1Char(';'));
    QStringList defined;
    for (const QStringList &row : msiTable(QStringLiteral("Property"))) {
        defined.append(row.value(0));
    }
    for (const QString &property : adminProperties) {
        // Secure: msiexec passes it from the command line into the elevated install.
        QVERIFY2(secure.contains(property), qPrintable(property));
        // No default: unless the admin sets it, nothing is written and the app's default holds.
        QVERIFY2(!defined.contains(property), qPrintable(property));
    }
    QCOMPARE(msiProperty(QStringLiteral("ALLUSERS")), QStringLiteral("1"));
}

void PackagingTest::msiRefusesAnOnOffValueOtherThanZeroOrOne_data()
{
    QTest::addColumn<QString>("property");
    QTest::newRow("SSO_ENABLED") << "SSO_ENABLED";
    QTest::newRow("ALLOW_REMEMBER_USER_ID") << "ALLOW_REMEMBER_USER_ID";
    QTest::newRow("ALLOW_REMEMBER_SIGN_IN") << "ALLOW_REMEMBER_SIGN_IN";
}

void PackagingTest::msiRefusesAnOnOffValueOtherThanZeroOrOne()
{
    QFETCH(QString, property);
    bool found = false;
    for (const QStringList &row : msiTable(QStringLiteral("LaunchCondition"))) {
        if (row.value(0).contains(property)) {
            found = true;
            QVERIFY(row.value(0).contains(property + QStringLiteral(" = \"0\"")));
            QVERIFY(row.value(0).contains(property + QStringLiteral(" = \"1\"")));
            QVERIFY(row.value(1).contains(property + QStringLiteral(" must be 1")));
        }
    }
    QVERIFY2(found, "a mistyped value would be written as a meaningless DWORD");
}

void PackagingTest::msiRefusesIdleMinutesThatAreNotANumber()
{
    bool found = false;
    for (const QStringList &row : msiTable(QStringLiteral("LaunchCondition"))) {
        if (row.value(0).contains(QStringLiteral("IDLE_SIGN_OUT_MINUTES"))) {
            found = true;
            // Windows Installer compares a word with a number as false: only numbers pass.
            QVERIFY(row.value(0).contains(QStringLiteral("IDLE_SIGN_OUT_MINUTES >= 0")));
            QVERIFY(row.value(0).contains(QStringLiteral("IDLE_SIGN_OUT_MINUTES <= 1440")));
            QVERIFY(
                row.value(1).contains(QStringLiteral("IDLE_SIGN_OUT_MINUTES must be a number")));
        }
    }
    QVERIFY2(found, "a mistyped IDLE_SIGN_OUT_MINUTES would be written as a meaningless DWORD");
}

void PackagingTest::msiUpgradesOlderVersionsAndRefusesNewerOnes()
{
    const QString upgradeCode
        = QStringLiteral("{%1}").arg(qEnvironmentVariable("CQRS_UPGRADE_CODE"));
    QCOMPARE(msiProperty(QStringLiteral("UpgradeCode")), upgradeCode);
    const QString version = msiProperty(QStringLiteral("ProductVersion"));
    QVERIFY(!version.isEmpty());

    // Upgrade columns: UpgradeCode, VersionMin, VersionMax, Language, Attributes, Remove,
    // ActionProperty.
    const QList<QStringList> upgrade = msiTable(QStringLiteral("Upgrade"));
    QCOMPARE(upgrade.size(), 2);
    QString upgradeProperty;
    QString downgradeProperty;
    for (const QStringList &row : upgrade) {
        QCOMPARE(row.value(0), upgradeCode);
        const bool onlyDetect = row.value(4).toInt() & msidbUpgradeAttributesOnlyDetect;
        // Inclusive: another build of the same version replaces this one too.
        const bool includesVersion
            = row.value(4).toInt() & msidbUpgradeAttributesVersionMaxInclusive;
        if (row.value(1).isEmpty() && row.value(2) == version && includesVersion && !onlyDetect) {
            upgradeProperty = row.value(6); // older and same versions: found, then removed
        } else if (row.value(1) == version && row.value(2).isEmpty() && onlyDetect
                   && !(row.value(4).toInt() & msidbUpgradeAttributesVersionMinInclusive)) {
            downgradeProperty = row.value(6); // strictly newer versions: found, never removed
        }
    }
    QVERIFY2(!upgradeProperty.isEmpty(), "older versions would not be replaced");
    QVERIFY2(!downgradeProperty.isEmpty(), "newer versions would not be detected");

    bool refusesDowngrade = false;
    for (const QStringList &row : msiTable(QStringLiteral("LaunchCondition"))) {
        refusesDowngrade |= row.value(0) == QStringLiteral("NOT ") + downgradeProperty
            && row.value(1).contains(QStringLiteral("newer version"));
    }
    QVERIFY2(refusesDowngrade, "installing an older version would not be refused with a message");

    bool removesOld = false;
    for (const QStringList &row : msiTable(QStringLiteral("InstallExecuteSequence"))) {
        removesOld |= row.value(0) == QStringLiteral("RemoveExistingProducts");
    }
    QVERIFY(removesOld);
    // The old product is found and removed by the elevated part of the install too.
    QVERIFY(msiProperty(QStringLiteral("SecureCustomProperties"))
                .split(QLatin1Char(';'))
                .contains(upgradeProperty));
}

void PackagingTest::msiInstallsPerMachineWithAStartMenuShortcut()
{
    const ToolRun summary = runTool(QStringLiteral("msiinfo"), {QStringLiteral("suminfo"), m_msi});
    QVERIFY(summary.output.contains(QStringLiteral("Template: x64;1033")));

    // Directory columns: Directory, Directory_Parent, DefaultDir.
    bool underProgramFiles = false;
    for (const QStringList &row : msiTable(QStringLiteral("Directory"))) {
        underProgramFiles |= row.value(0) == QStringLiteral("INSTALL_ROOT")
            && row.value(1) == QStringLiteral("ProgramFiles64Folder")
            && row.value(2).endsWith(QStringLiteral("CQRS Desktop"));
    }
    QVERIFY(underProgramFiles);

    QStringList files;
    for (const QStringList &row : msiTable(QStringLiteral("File"))) {
        files.append(row.value(2));
    }
    QVERIFY(files.contains(QStringLiteral("cqrs-desktop.exe")));
    QVERIFY(files.contains(QStringLiteral("cqrs-desktop.ico")));
    // The Group Policy templates ship beside the app, for IT admins' Central Store.
    QVERIFY(files.contains(QStringLiteral("cqrs-desktop.admx")));
    QVERIFY(files.contains(QStringLiteral("cqrs-desktop.adml")));
    // The MSI is for practice staff: the server-stub is for testers only.
    QVERIFY(!files.contains(QStringLiteral("cqrs-server-stub.exe")));

    // Shortcut columns: Shortcut, Directory_, Name, Component_, Target.
    bool startMenu = false;
    for (const QStringList &row : msiTable(QStringLiteral("Shortcut"))) {
        startMenu |= row.value(1) == QStringLiteral("ProgramMenuFolder")
            && row.value(2).endsWith(QStringLiteral("CQRS Desktop"))
            && row.value(4) == QStringLiteral("[INSTALLDIR]cqrs-desktop.exe");
    }
    QVERIFY(startMenu);
}

void PackagingTest::practiceDebCarriesTheAppAndItsDesktopIntegrationOnly()
{
    QVERIFY(QFileInfo(installed(QStringLiteral("usr/bin/cqrs-desktop"))).isExecutable());
    const QStringList files
        = {QStringLiteral("usr/share/applications/%1.desktop").arg(m_desktopId),
           QStringLiteral("usr/share/metainfo/%1.metainfo.xml").arg(m_desktopId),
           QStringLiteral("usr/share/icons/hicolor/scalable/apps/%1.svg").arg(m_desktopId),
           QStringLiteral("usr/share/icons/hicolor/256x256/apps/%1.png").arg(m_desktopId)};
    for (const QString &file : files) {
        QVERIFY2(QFileInfo(installed(file)).isFile(), qPrintable(file));
    }
    // The test server is for testers: it stays off practice computers.
    QVERIFY(!QFileInfo::exists(installed(QStringLiteral("usr/bin/cqrs-server-stub"))));
}

void PackagingTest::testerDebCarriesTheServerStubOnly()
{
    const QDir root(m_stubDebRoot.path());
    QVERIFY(QFileInfo(root.filePath(QStringLiteral("usr/bin/cqrs-server-stub"))).isExecutable());
    QVERIFY(!QFileInfo::exists(root.filePath(QStringLiteral("usr/bin/cqrs-desktop"))));
    QVERIFY(!QFileInfo::exists(root.filePath(QStringLiteral("usr/share/applications"))));
}

void PackagingTest::debsDependOnThePluginsQtLoadsAtRunTime()
{
    const auto dependsOf = [](const QString &deb) {
        const ToolRun depends
            = runTool(QStringLiteral("dpkg-deb"),
                      {QStringLiteral("--field"), deb, QStringLiteral("Depends")});
        return depends.exitCode == 0 ? depends.output : QString();
    };
    const QString app = dependsOf(m_deb);
    QVERIFY2(app.contains(QStringLiteral("libsecret-1-0")), qPrintable(app));
    QVERIFY2(app.contains(QStringLiteral("qt6-qpa-plugins")), qPrintable(app));
    // Found by dpkg-shlibdeps from what the program links.
    QVERIFY2(app.contains(QStringLiteral("libqt6core6")), qPrintable(app));
    QVERIFY2(app.contains(QStringLiteral("libqt6widgets6")), qPrintable(app));
    QVERIFY2(!app.contains(QStringLiteral("libqt6sql6")), qPrintable(app));

    const QString stub = dependsOf(m_stubDeb);
    QVERIFY2(stub.contains(QStringLiteral("libqt6sql6-sqlite")), qPrintable(stub));
    QVERIFY2(stub.contains(QStringLiteral("libqt6core6")), qPrintable(stub));
    QVERIFY2(!stub.contains(QStringLiteral("libqt6widgets6")), qPrintable(stub));
}

void PackagingTest::desktopEntryIsValidAndClaimsCqrsLinks()
{
    const QString desktopFile
        = installed(QStringLiteral("usr/share/applications/%1.desktop").arg(m_desktopId));
    const ToolRun validate = runTool(QStringLiteral("desktop-file-validate"), {desktopFile});
    QVERIFY2(validate.exitCode == 0 && validate.output.isEmpty(), qPrintable(validate.output));

    QFile file(desktopFile);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    QVERIFY(lines.contains(QStringLiteral("MimeType=x-scheme-handler/cqrs;")));
    // %u: the link arrives as one argument of its own, never split or shell-interpreted.
    QVERIFY(lines.contains(QStringLiteral("Exec=cqrs-desktop %u")));
    QVERIFY(lines.contains(QStringLiteral("Icon=") + m_desktopId));
}

void PackagingTest::xdgMimeNamesTheAppForCqrsLinksOnceRegistered()
{
    QTemporaryDir xdg;
    QVERIFY(xdg.isValid());
    const QString applications = xdg.filePath(QStringLiteral("data/applications"));
    QVERIFY(QDir().mkpath(applications));
    QVERIFY(QDir().mkpath(xdg.filePath(QStringLiteral("config"))));
    QVERIFY(QDir().mkpath(xdg.filePath(QStringLiteral("none"))));

    // Only the temporary XDG folders count: no system-wide handler, no desktop environment.
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    environment.insert(QStringLiteral("HOME"), xdg.path());
    environment.insert(QStringLiteral("XDG_DATA_HOME"), xdg.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), xdg.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_DIRS"), xdg.filePath(QStringLiteral("none")));
    environment.insert(QStringLiteral("XDG_CONFIG_DIRS"), xdg.filePath(QStringLiteral("none")));

    const QStringList query = {QStringLiteral("query"), QStringLiteral("default"),
                               QStringLiteral("x-scheme-handler/cqrs")};
    QCOMPARE(runTool(QStringLiteral("xdg-mime"), query, environment).output.trimmed(), QString());

    // Install the entry as the package does, then run what the desktop-file-utils dpkg
    // trigger runs: GLib and KDE read the cache it writes, xdg-mime the entries themselves.
    const QString desktopFileName = m_desktopId + QStringLiteral(".desktop");
    QVERIFY(QFile::copy(installed(QStringLiteral("usr/share/applications/") + desktopFileName),
                        applications + QLatin1Char('/') + desktopFileName));
    const ToolRun update
        = runTool(QStringLiteral("update-desktop-database"), {applications}, environment);
    QVERIFY2(update.exitCode == 0, qPrintable(update.output));
    QFile cache(applications + QStringLiteral("/mimeinfo.cache"));
    QVERIFY(cache.open(QIODevice::ReadOnly | QIODevice::Text));
    QVERIFY(QString::fromUtf8(cache.readAll())
                .split(QLatin1Char('\n'))
                .contains(QStringLiteral("x-scheme-handler/cqrs=%1;").arg(desktopFileName)));

    const ToolRun handler = runTool(QStringLiteral("xdg-mime"), query, environment);
    QCOMPARE(handler.exitCode, 0);
    QCOMPARE(handler.output.trimmed(), desktopFileName);
}

void PackagingTest::metainfoPassesAppStreamValidation()
{
    const QString metainfo
        = installed(QStringLiteral("usr/share/metainfo/%1.metainfo.xml").arg(m_desktopId));
    const ToolRun validate
        = runTool(QStringLiteral("appstreamcli"),
                  {QStringLiteral("validate"), QStringLiteral("--no-net"), metainfo});
    QVERIFY2(validate.exitCode == 0, qPrintable(validate.output));

    QFile file(metainfo);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.contains(QStringLiteral("<id>%1</id>").arg(m_desktopId)));
    QVERIFY(text.contains(QStringLiteral("<launchable type=\"desktop-id\">%1.desktop</launchable>")
                              .arg(m_desktopId)));
}

QTEST_GUILESS_MAIN(PackagingTest)
#include "tst_packaging.moc"
