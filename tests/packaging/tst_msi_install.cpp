// Installs the MSI as an IT admin would (`msiexec /i ... /qn PROPERTY=value`), with Wine's
// Windows Installer in the throw-away prefix of the wine_prefix fixture, and reads back what it
// did with `reg query` and the prefix's file tree: install with and without the admin
// properties, refused values it would not store as given (SSO_ENABLED=yes, SERVER_URL=#42,
// credentials in PROXY_URL, and on a repair too), an upgrade to the next version, a refused
// downgrade and uninstall. The test functions run in order, each from the
// state the one before left.
//
// Wine's ways allowed for: exit codes are the Windows code modulo 256, `reg` prints CRLF, a
// per-machine Start Menu shortcut lands in the user's profile, and uninstall leaves the empty
// install folder behind.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int ErrorSuccess = 0;
constexpr int ErrorInstallFailure = 1603;

// Wine hands a Windows exit code to Linux, which keeps its lowest byte: 1603 arrives as 67.
int asWineExitCode(int windowsExitCode)
{
    return windowsExitCode % 256;
}

// Z: is Wine's drive for the Linux root.
QString onDriveZ(const QString &linuxPath)
{
    return QStringLiteral("Z:") + QString(linuxPath).replace(QLatin1Char('/'), QLatin1Char('\\'));
}

const QString policyKey = QStringLiteral("HKLM\\Software\\Policies\\NHS\\CQRS Desktop");
const QString productKey = QStringLiteral("HKLM\\Software\\NHS\\CQRS Desktop");
const QString rememberedKey = productKey + QStringLiteral("\\Installer");
const QString protocolKey = QStringLiteral("HKLM\\Software\\Classes\\cqrs");
const QString uninstallKey
    = QStringLiteral("HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall");
const QString productName = QStringLiteral("CQRS Desktop");

struct RegistryValue
{
    QString type;
    QString data;
    bool operator==(const RegistryValue &other) const = default;
};

// One key's values, or with /s every key under it: key path (as reg prints it) -> name -> value.
using RegistryKeys = QHash<QString, QHash<QString, RegistryValue>>;

// The admin properties of a managed install and the policy values they must become.
const QStringList managedProperties
    = {QStringLiteral("SERVER_URL=https://cqrs.example.nhs.uk/"),
       QStringLiteral("SSO_ENABLED=0"),
       QStringLiteral("SSO_ISSUER=https://login.microsoftonline.com/tenant/v2.0"),
       QStringLiteral("SSO_CLIENT_ID=11111111-2222-3333-4444-555555555555"),
       QStringLiteral("SSO_SCOPES=openid profile email"),
       QStringLiteral("PROXY_URL=http://proxy.practice.nhs.uk:8080"),
       QStringLiteral("EXTRA_CA_CERTIFICATES=C:\\ProgramData\\Practice\\inspection-ca.pem"),
       QStringLiteral("ALLOW_REMEMBER_USER_ID=0"),
       QStringLiteral("ALLOW_REMEMBER_SIGN_IN=0"),
       QStringLiteral("IDLE_SIGN_OUT_MINUTES=15")};
const QHash<QString, RegistryValue> managedPolicy = {
    {QStringLiteral("ServerUrl"),
     {QStringLiteral("REG_SZ"), QStringLiteral("https://cqrs.example.nhs.uk/")}},
    {QStringLiteral("SsoEnabled"), {QStringLiteral("REG_DWORD"), QStringLiteral("0x0")}},
    {QStringLiteral("SsoIssuer"),
     {QStringLiteral("REG_SZ"), QStringLiteral("https://login.microsoftonline.com/tenant/v2.0")}},
    {QStringLiteral("SsoClientId"),
     {QStringLiteral("REG_SZ"), QStringLiteral("11111111-2222-3333-4444-555555555555")}},
    {QStringLiteral("SsoScopes"),
     {QStringLiteral("REG_SZ"), QStringLiteral("openid profile email")}},
    {QStringLiteral("ProxyUrl"),
     {QStringLiteral("REG_SZ"), QStringLiteral("http://proxy.practice.nhs.uk:8080")}},
    {QStringLiteral("ExtraCaCertificates"),
     {QStringLiteral("REG_SZ"), QStringLiteral("C:\\ProgramData\\Practice\\inspection-ca.pem")}},
    {QStringLiteral("AllowRememberUserId"), {QStringLiteral("REG_DWORD"), QStringLiteral("0x0")}},
    {QStringLiteral("AllowRememberSignIn"), {QStringLiteral("REG_DWORD"), QStringLiteral("0x0")}},
    {QStringLiteral("IdleSignOutMinutes"), {QStringLiteral("REG_DWORD"), QStringLiteral("0xf")}},
};

} // namespace

class MsiInstallTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void refusesAValueItWouldNotStoreAsGiven_data();
    void refusesAValueItWouldNotStoreAsGiven();
    void installsWithoutPropertiesWritingNoPolicy();
    void uninstallLeavesNothingBehind();
    void writesEachPropertyGivenAsATypedPolicyValue();
    void writesNothingToThe32BitRegistryView();
    void refusesABadValueOnARepairToo();
    void upgradeLeavesOneProductAndKeepsTheManagedValues();
    void refusesADowngrade();
    void uninstallOfTheUpgradeLeavesNothingBehind();

private:
    struct Run
    {
        int exitCode = -1;
        QString output;
    };
    Run wine(const QStringList &arguments) const;
    Run msiexec(const QString &action, const QString &msi,
                const QStringList &properties = {}) const;
    RegistryKeys query(const QString &key, bool recursive = false) const;
    QHash<QString, RegistryValue> values(const QString &key) const;
    QHash<QString, QString> installedVersions() const;
    QStringList filesUnder(const QString &folder) const;
    QString programFolder() const;
    bool hasStartMenuShortcut() const;
    void verifyNothingLeft() const;

    QString m_prefix;
    QString m_msi;
    QString m_version;
    QString m_nextMsi;
    QString m_nextVersion;
    QTemporaryDir m_scratch;
};

void MsiInstallTest::initTestCase()
{
    m_prefix = qEnvironmentVariable("WINEPREFIX");
    QVERIFY2(QFile::exists(m_prefix + QStringLiteral("/system.reg")),
             qPrintable(QStringLiteral("no Wine prefix at '%1': run the wine_prefix_create test")
                            .arg(m_prefix)));
    m_msi = qEnvironmentVariable("CQRS_MSI_FILE");
    m_version = qEnvironmentVariable("CQRS_MSI_VERSION");
    m_nextMsi = qEnvironmentVariable("CQRS_NEXT_MSI_FILE");
    m_nextVersion = qEnvironmentVariable("CQRS_NEXT_MSI_VERSION");
    QVERIFY2(QFile::exists(m_msi), qPrintable(m_msi));
    QVERIFY2(QFile::exists(m_nextMsi), qPrintable(m_nextMsi));
    QVERIFY(m_scratch.isValid());
    QVERIFY2(installedVersions().isEmpty(), "the prefix is not fresh");
}

MsiInstallTest::Run MsiInstallTest::wine(const QStringList &arguments) const
{
    QProcess process;
    process.start(QStringLiteral("wine"), arguments);
    // Generous: Wine on a busy 2-core CI machine can take a while, but never forever.
    if (!process.waitForFinished(180000)) {
        process.kill();
        process.waitForFinished();
        return {-1, QStringLiteral("wine %1 did not finish").arg(arguments.join(QLatin1Char(' ')))};
    }
    const int exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    QString output = QString::fromUtf8(process.readAllStandardOutput());
    output.remove(QLatin1Char('\r'));
    return {exitCode, output + QString::fromUtf8(process.readAllStandardError())};
}

// Silent, as deployment tools run it.
MsiInstallTest::Run MsiInstallTest::msiexec(const QString &action, const QString &msi,
                                            const QStringList &properties) const
{
    return wine(
        QStringList {QStringLiteral("msiexec"), action, onDriveZ(msi), QStringLiteral("/qn")}
        + properties);
}

RegistryKeys MsiInstallTest::query(const QString &key, bool recursive) const
{
    QStringList arguments = {QStringLiteral("reg"), QStringLiteral("query"), key};
    if (recursive) {
        arguments.append(QStringLiteral("/s"));
    }
    const Run run = wine(arguments);
    RegistryKeys keys;
    if (run.exitCode != ErrorSuccess) {
        return keys; // the key does not exist
    }
    // "HKEY_LOCAL_MACHINE\<key>" lines, each followed by "    <name>    <type>    <data>" lines.
    QString current;
    for (const QString &line : run.output.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.startsWith(QLatin1String("HKEY_"))) {
            current = line;
            keys[current];
            continue;
        }
        const QStringList fields = line.trimmed().split(QStringLiteral("    "));
        if (fields.size() >= 2) {
            keys[current].insert(fields.at(0),
                                 {fields.at(1), fields.mid(2).join(QStringLiteral("    "))});
        }
    }
    return keys;
}

QHash<QString, RegistryValue> MsiInstallTest::values(const QString &key) const
{
    const RegistryKeys keys = query(key);
    return keys.isEmpty() ? QHash<QString, RegistryValue>() : keys.begin().value();
}

// DisplayVersion of every installed product named CQRS Desktop, by product code key.
QHash<QString, QString> MsiInstallTest::installedVersions() const
{
    QHash<QString, QString> versions;
    const RegistryKeys keys = query(uninstallKey, true);
    for (auto it = keys.begin(); it != keys.end(); ++it) {
        if (it.value().value(QStringLiteral("DisplayName")).data == productName) {
            versions.insert(it.key(), it.value().value(QStringLiteral("DisplayVersion")).data);
        }
    }
    return versions;
}

QString MsiInstallTest::programFolder() const
{
    return m_prefix + QStringLiteral("/drive_c/Program Files/CQRS Desktop");
}

QStringList MsiInstallTest::filesUnder(const QString &folder) const
{
    QStringList files;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files.append(QDir(folder).relativeFilePath(it.next()));
    }
    files.sort();
    return files;
}

// Windows puts it under C:\ProgramData, Wine in the user's profile: look anywhere on C:.
bool MsiInstallTest::hasStartMenuShortcut() const
{
    QDirIterator it(m_prefix + QStringLiteral("/drive_c"), {QStringLiteral("CQRS Desktop.lnk")},
                    QDir::Files, QDirIterator::Subdirectories);
    return it.hasNext();
}

void MsiInstallTest::verifyNothingLeft() const
{
    QVERIFY2(installedVersions().isEmpty(), "the product is still registered");
    // Wine leaves the empty folder; Windows removes it.
    QCOMPARE(filesUnder(programFolder()), QStringList());
    QVERIFY(!hasStartMenuShortcut());
    QVERIFY2(query(protocolKey).isEmpty(), "HKLM\\Software\\Classes\\cqrs is still there");
    QVERIFY2(query(productKey).isEmpty(), "HKLM\\Software\\NHS\\CQRS Desktop is still there");
    QCOMPARE(values(policyKey).keys(), QStringList());
}

void MsiInstallTest::refusesAValueItWouldNotStoreAsGiven_data()
{
    QTest::addColumn<QString>("property");
    QTest::newRow("SSO_ENABLED") << "SSO_ENABLED=yes";
    QTest::newRow("ALLOW_REMEMBER_SIGN_IN") << "ALLOW_REMEMBER_SIGN_IN=yes";
    QTest::newRow("IDLE_SIGN_OUT_MINUTES") << "IDLE_SIGN_OUT_MINUTES=ten";
    // A leading # makes Windows Installer write a DWORD, binary data or an expandable string.
    QTest::newRow("number sign") << "SERVER_URL=#42";
    QTest::newRow("expandable") << "SSO_CLIENT_ID=#%SystemRoot%\\x";
    // Readable by every user of the computer in the registry, and never used by the app.
    QTest::newRow("proxy credentials") << "PROXY_URL=http://user:secret@proxy.example:8080";
}

void MsiInstallTest::refusesAValueItWouldNotStoreAsGiven()
{
    QFETCH(QString, property);
    const Run run = msiexec(QStringLiteral("/i"), m_msi, {property});
    QCOMPARE(run.exitCode, asWineExitCode(ErrorInstallFailure));
    verifyNothingLeft();
}

void MsiInstallTest::installsWithoutPropertiesWritingNoPolicy()
{
    const Run run = msiexec(QStringLiteral("/i"), m_msi);
    QVERIFY2(run.exitCode == ErrorSuccess, qPrintable(run.output));

    // The practice staff's package: the app and the policy templates, no server-stub.
    QCOMPARE(
        filesUnder(programFolder()),
        QStringList({QStringLiteral("bin/cqrs-desktop.exe"), QStringLiteral("bin/cqrs-desktop.ico"),
                     QStringLiteral("policy/cqrs-desktop.admx"),
                     QStringLiteral("policy/en-US/cqrs-desktop.adml")}));
    QVERIFY(hasStartMenuShortcut());
    QCOMPARE(installedVersions().values(), QStringList {m_version});

    const RegistryKeys protocol = query(protocolKey, true);
    const QString root = QStringLiteral("HKEY_LOCAL_MACHINE\\Software\\Classes\\cqrs");
    QCOMPARE(protocol.value(root).value(QStringLiteral("(Default)")).data,
             QStringLiteral("URL:CQRS Desktop"));
    QVERIFY(protocol.value(root).contains(QStringLiteral("URL Protocol")));
    // Quoted, after the end-of-options marker: a crafted link is never read as an option.
    QCOMPARE(
        protocol.value(root + QStringLiteral("\\shell\\open\\command"))
            .value(QStringLiteral("(Default)")),
        RegistryValue({QStringLiteral("REG_SZ"),
                       QStringLiteral("\"C:\\Program Files\\CQRS Desktop\\bin\\cqrs-desktop.exe\""
                                      " -- \"%1\"")}));

    // No property, no policy: the app's defaults hold and users may change them.
    QCOMPARE(values(policyKey).keys(), QStringList());
    QCOMPARE(values(rememberedKey).keys(), QStringList());
}

void MsiInstallTest::uninstallLeavesNothingBehind()
{
    const Run run = msiexec(QStringLiteral("/x"), m_msi);
    QVERIFY2(run.exitCode == ErrorSuccess, qPrintable(run.output));
    verifyNothingLeft();
}

void MsiInstallTest::writesEachPropertyGivenAsATypedPolicyValue()
{
    const Run run = msiexec(QStringLiteral("/i"), m_msi, managedProperties);
    QVERIFY2(run.exitCode == ErrorSuccess, qPrintable(run.output));
    QCOMPARE(values(policyKey), managedPolicy);
    // Remembered for the next upgrade, as given.
    const QHash<QString, RegistryValue> remembered = values(rememberedKey);
    for (const QString &property : managedProperties) {
        const QString name = property.section(QLatin1Char('='), 0, 0);
        QCOMPARE(remembered.value(name).data, property.section(QLatin1Char('='), 1));
    }
}

void MsiInstallTest::writesNothingToThe32BitRegistryView()
{
    // The whole 32-bit view of HKLM\Software (WOW6432Node), where a 32-bit component writes.
    const QString exported = m_scratch.filePath(QStringLiteral("software32.reg"));
    const Run run
        = wine({QStringLiteral("reg"), QStringLiteral("export"), QStringLiteral("HKLM\\Software"),
                onDriveZ(exported), QStringLiteral("/reg:32"), QStringLiteral("/y")});
    QVERIFY2(run.exitCode == ErrorSuccess, qPrintable(run.output));
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QStringDecoder utf16(QStringDecoder::Utf16);
    const QStringList lines = QString(utf16(file.readAll())).split(QStringLiteral("\r\n"));
    QVERIFY(lines.contains(QStringLiteral("[HKEY_LOCAL_MACHINE\\Software\\Microsoft]")));
    // Software\Policies is one key shared by both views, on Windows as in Wine: skip its keys.
    bool sharedKey = false;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1Char('['))) {
            sharedKey = line.startsWith(QLatin1String("[HKEY_LOCAL_MACHINE\\Software\\Policies\\"));
        }
        QVERIFY2(sharedKey || !line.contains(QLatin1String("cqrs"), Qt::CaseInsensitive),
                 qPrintable(line));
    }
}

void MsiInstallTest::refusesABadValueOnARepairToo()
{
    // A repair or reinstall writes the values it is given, so it checks them as an install does.
    const Run run = msiexec(QStringLiteral("/i"), m_msi,
                            {QStringLiteral("REINSTALL=ALL"), QStringLiteral("REINSTALLMODE=omus"),
                             QStringLiteral("IDLE_SIGN_OUT_MINUTES=ten")});
    QCOMPARE(run.exitCode, asWineExitCode(ErrorInstallFailure));
    QCOMPARE(values(policyKey), managedPolicy);
}

void MsiInstallTest::upgradeLeavesOneProductAndKeepsTheManagedValues()
{
    // Only SSO_ENABLED given: it wins over the remembered 0, the rest is carried over.
    const Run run = msiexec(QStringLiteral("/i"), m_nextMsi, {QStringLiteral("SSO_ENABLED=1")});
    QVERIFY2(run.exitCode == ErrorSuccess, qPrintable(run.output));
    QCOMPARE(installedVersions().values(), QStringList {m_nextVersion});
    QHash<QString, RegistryValue> expected = managedPolicy;
    expected[QStringLiteral("SsoEnabled")].data = QStringLiteral("0x1");
    QCOMPARE(values(policyKey), expected);
}

void MsiInstallTest::refusesADowngrade()
{
    const Run run = msiexec(QStringLiteral("/i"), m_msi);
    QCOMPARE(run.exitCode, asWineExitCode(ErrorInstallFailure));
    QCOMPARE(installedVersions().values(), QStringList {m_nextVersion});
    QVERIFY(QFile::exists(programFolder() + QStringLiteral("/bin/cqrs-desktop.exe")));
}

void MsiInstallTest::uninstallOfTheUpgradeLeavesNothingBehind()
{
    const Run run = msiexec(QStringLiteral("/x"), m_nextMsi);
    QVERIFY2(run.exitCode == ErrorSuccess, qPrintable(run.output));
    verifyNothingLeft();
}

QTEST_GUILESS_MAIN(MsiInstallTest)
#include "tst_msi_install.moc"
