#include "core/settings/ServiceSettings.h"

#include <QTemporaryDir>
#include <QTest>

using cqrs::ServiceSettings;
using Source = ServiceSettings::Source;

// The settings chain with real INI files standing in for the managed policy (the registry key
// or /etc/xdg file an IT admin controls) and the user's own settings.
class TestServiceSettings : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void builtInDefaultWhenNothingIsSet();
    void commandLineBeatsDefault();
    void userSettingBeatsCommandLine();
    void managedPolicyBeatsEverythingAndCannotBeOverridden();
    void unusableValuesAreSkipped();
    void usableServerUrls_data();
    void usableServerUrls();
    void ssoFromPolicyAcceptsRegistryAndIniShapes_data();
    void ssoFromPolicyAcceptsRegistryAndIniShapes();
    void managedSsoKeysOverrideUserOnes();
    void policySsoIsTakenWholeWithoutUserGapFilling();
    void remembersOnlyTheUserId();
    void rememberingIsAllowedUnlessPolicySaysNo();
    void policyForbiddingTheUserIdRemovesAStoredOne();
    void idleSignOutMinutes_data();
    void idleSignOutMinutes();
    void policyFileIsTheOneTheDocsName();

private:
    std::unique_ptr<QSettings> managed();
    std::unique_ptr<QSettings> user();
    ServiceSettings make(const QUrl &commandLine = {});

    std::unique_ptr<QTemporaryDir> dir;
    const QUrl tester = QUrl(QStringLiteral("http://127.0.0.1:8080/"));
};

void TestServiceSettings::init()
{
    dir = std::make_unique<QTemporaryDir>();
}

std::unique_ptr<QSettings> TestServiceSettings::managed()
{
    return std::make_unique<QSettings>(dir->filePath(QStringLiteral("managed.conf")),
                                       QSettings::IniFormat);
}

std::unique_ptr<QSettings> TestServiceSettings::user()
{
    return std::make_unique<QSettings>(dir->filePath(QStringLiteral("user.conf")),
                                       QSettings::IniFormat);
}

ServiceSettings TestServiceSettings::make(const QUrl &commandLine)
{
    return ServiceSettings(managed(), user(), commandLine);
}

void TestServiceSettings::builtInDefaultWhenNothingIsSet()
{
    const ServiceSettings settings = make();
    QCOMPARE(settings.serverUrl(), ServiceSettings::builtInServerUrl());
    QCOMPARE(settings.serverUrlSource(), Source::BuiltIn);
    QVERIFY(!settings.isManaged(ServiceSettings::ServerUrlKey));
    QVERIFY(!settings.ssoSettings().isUsable());
}

void TestServiceSettings::commandLineBeatsDefault()
{
    const ServiceSettings settings = make(tester);
    QCOMPARE(settings.serverUrl(), tester);
    QCOMPARE(settings.serverUrlSource(), Source::CommandLine);
}

void TestServiceSettings::userSettingBeatsCommandLine()
{
    const QUrl own(QStringLiteral("https://cqrs.example.nhs.uk/"));
    {
        ServiceSettings settings = make(tester);
        QVERIFY(settings.setUserServerUrl(own));
    }
    const ServiceSettings settings = make(tester);
    QCOMPARE(settings.serverUrl(), own);
    QCOMPARE(settings.serverUrlSource(), Source::User);
}

void TestServiceSettings::managedPolicyBeatsEverythingAndCannotBeOverridden()
{
    const QUrl policy(QStringLiteral("https://cqrs.trust.nhs.uk/"));
    managed()->setValue(QStringLiteral("ServerUrl"), policy.toString());
    user()->setValue(QStringLiteral("ServerUrl"), QStringLiteral("https://mine.example/"));
    ServiceSettings settings = make(tester);
    QCOMPARE(settings.serverUrl(), policy);
    QCOMPARE(settings.serverUrlSource(), Source::ManagedPolicy);
    QVERIFY(settings.isManaged(ServiceSettings::ServerUrlKey));
    QVERIFY(!settings.setUserServerUrl(QUrl(QStringLiteral("https://other.example/"))));
    QCOMPARE(settings.serverUrl(), policy);
}

void TestServiceSettings::unusableValuesAreSkipped()
{
    managed()->setValue(QStringLiteral("ServerUrl"), QStringLiteral("http://cqrs.example.com/"));
    user()->setValue(QStringLiteral("ServerUrl"), QStringLiteral("not a url at all"));
    const ServiceSettings settings = make(tester);
    QVERIFY(!settings.isManaged(ServiceSettings::ServerUrlKey));
    QCOMPARE(settings.serverUrl(), tester);
    // The person is told, with the address used instead and whom to ask.
    const QString problem = settings.managedServerUrlProblem();
    QVERIFY2(problem.contains(QStringLiteral("IT team")) && problem.contains(tester.toString()),
             qPrintable(problem));

    managed()->setValue(QStringLiteral("ServerUrl"), QStringLiteral("https://cqrs.example.com/"));
    QVERIFY(make(tester).managedServerUrlProblem().isEmpty());
    managed()->remove(QStringLiteral("ServerUrl"));
    QVERIFY(make(tester).managedServerUrlProblem().isEmpty());
}

void TestServiceSettings::usableServerUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("usable");
    QTest::newRow("https") << QStringLiteral("https://cqrs.example.nhs.uk") << true;
    QTest::newRow("https with path") << QStringLiteral("https://example.nhs.uk/cqrs/") << true;
    QTest::newRow("http loopback") << QStringLiteral("http://127.0.0.1:8080/") << true;
    QTest::newRow("http localhost") << QStringLiteral("http://localhost:8080") << true;
    QTest::newRow("http IPv6 loopback") << QStringLiteral("http://[::1]:8080/") << true;
    QTest::newRow("http remote") << QStringLiteral("http://cqrs.example.nhs.uk") << false;
    QTest::newRow("http LAN") << QStringLiteral("http://192.168.1.10:8080") << false;
    QTest::newRow("ftp") << QStringLiteral("ftp://cqrs.example.nhs.uk") << false;
    QTest::newRow("user info") << QStringLiteral("https://me:pw@cqrs.example.nhs.uk") << false;
    QTest::newRow("query") << QStringLiteral("https://cqrs.example.nhs.uk/?x=1") << false;
    QTest::newRow("fragment") << QStringLiteral("https://cqrs.example.nhs.uk/#x") << false;
    QTest::newRow("no host") << QStringLiteral("https:///path") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestServiceSettings::usableServerUrls()
{
    QFETCH(QString, url);
    QFETCH(bool, usable);
    QCOMPARE(ServiceSettings::isUsableServerUrl(QUrl(url, QUrl::StrictMode)), usable);
}

void TestServiceSettings::ssoFromPolicyAcceptsRegistryAndIniShapes_data()
{
    QTest::addColumn<QVariant>("enabled");
    QTest::addColumn<bool>("expected");
    QTest::newRow("DWORD 1") << QVariant(1) << true;
    QTest::newRow("DWORD 0") << QVariant(0) << false;
    QTest::newRow("string 1") << QVariant(QStringLiteral("1")) << true;
    QTest::newRow("true") << QVariant(QStringLiteral("true")) << true;
    QTest::newRow("TRUE") << QVariant(QStringLiteral("TRUE")) << true;
    QTest::newRow("false") << QVariant(QStringLiteral("false")) << false;
    QTest::newRow("yes is not a value") << QVariant(QStringLiteral("yes")) << false;
}

void TestServiceSettings::ssoFromPolicyAcceptsRegistryAndIniShapes()
{
    QFETCH(QVariant, enabled);
    QFETCH(bool, expected);
    {
        auto policy = managed();
        policy->setValue(QStringLiteral("SsoEnabled"), enabled);
        policy->setValue(QStringLiteral("SsoIssuer"),
                         QStringLiteral("https://login.microsoftonline.com/t/v2.0"));
        policy->setValue(QStringLiteral("SsoClientId"), QStringLiteral("client-123"));
        policy->setValue(QStringLiteral("SsoScopes"), QStringLiteral("openid email"));
    }
    const cqrs::SsoSettings sso = make().ssoSettings();
    QCOMPARE(sso.enabled, expected);
    QCOMPARE(sso.isUsable(), expected);
    QCOMPARE(sso.clientId, QStringLiteral("client-123"));
    QCOMPARE(sso.scopes, QStringList({QStringLiteral("openid"), QStringLiteral("email")}));
}

void TestServiceSettings::managedSsoKeysOverrideUserOnes()
{
    managed()->setValue(QStringLiteral("SsoEnabled"), 0);
    {
        auto own = user();
        own->setValue(QStringLiteral("SsoEnabled"), 1);
        own->setValue(QStringLiteral("SsoIssuer"), QStringLiteral("https://idp.example/"));
        own->setValue(QStringLiteral("SsoClientId"), QStringLiteral("mine"));
    }
    const ServiceSettings settings = make();
    QVERIFY(settings.isManaged(ServiceSettings::SsoEnabledKey));
    // Policy names one SSO key, so it owns them all: the user's issuer is not used.
    QVERIFY(settings.isManaged(ServiceSettings::SsoIssuerKey));
    const cqrs::SsoSettings sso = settings.ssoSettings();
    QVERIFY(!sso.enabled);
    QVERIFY(sso.issuer.isEmpty());
    QCOMPARE(sso.scopes, ServiceSettings::defaultSsoScopes());
}

void TestServiceSettings::policySsoIsTakenWholeWithoutUserGapFilling()
{
    {
        auto policy = managed();
        policy->setValue(QStringLiteral("SsoEnabled"), 1);
        policy->setValue(QStringLiteral("SsoIssuer"), QStringLiteral("https://login.nhs.example/"));
    }
    {
        // A user filling in what policy left out: another client ID and wider scopes.
        auto own = user();
        own->setValue(QStringLiteral("SsoClientId"), QStringLiteral("someone-elses-client"));
        own->setValue(QStringLiteral("SsoScopes"), QStringLiteral("openid offline_access"));
    }
    const ServiceSettings settings = make();
    for (const char *key : {ServiceSettings::SsoEnabledKey, ServiceSettings::SsoIssuerKey,
                            ServiceSettings::SsoClientIdKey, ServiceSettings::SsoScopesKey})
        QVERIFY2(settings.isManaged(key), key);
    const cqrs::SsoSettings sso = settings.ssoSettings();
    QVERIFY(sso.enabled);
    QCOMPARE(sso.issuer, QStringLiteral("https://login.nhs.example/"));
    QVERIFY(sso.clientId.isEmpty());
    QVERIFY(!sso.isUsable());
    QCOMPARE(sso.scopes, ServiceSettings::defaultSsoScopes());

    // Without any SSO key in policy, the user's own SSO settings apply as before.
    managed()->clear();
    const cqrs::SsoSettings own = make().ssoSettings();
    QCOMPARE(own.clientId, QStringLiteral("someone-elses-client"));
    QCOMPARE(own.scopes, QStringList({QStringLiteral("openid"), QStringLiteral("offline_access")}));
}

void TestServiceSettings::remembersOnlyTheUserId()
{
    {
        ServiceSettings settings = make();
        settings.setRememberedUserId(QStringLiteral("jsmith01"));
    }
    QCOMPARE(make().rememberedUserId(), QStringLiteral("jsmith01"));
    QCOMPARE(user()->allKeys(), QStringList {QStringLiteral("RememberedUserId")});
    make().setRememberedUserId(QString());
    QVERIFY(make().rememberedUserId().isEmpty());
}

void TestServiceSettings::rememberingIsAllowedUnlessPolicySaysNo()
{
    QVERIFY(make().allowsRememberingUserId());
    QVERIFY(make().allowsRememberingSignIn());
    {
        auto policy = managed();
        // A DWORD from the registry, a word from an INI file.
        policy->setValue(QStringLiteral("AllowRememberUserId"), 0);
        policy->setValue(QStringLiteral("AllowRememberSignIn"), QStringLiteral("false"));
    }
    // The user's own settings cannot allow what policy forbids.
    user()->setValue(QStringLiteral("AllowRememberSignIn"), 1);
    const ServiceSettings settings = make();
    QVERIFY(!settings.allowsRememberingUserId());
    QVERIFY(!settings.allowsRememberingSignIn());
    QVERIFY(settings.isManaged(ServiceSettings::AllowRememberSignInKey));
}

void TestServiceSettings::policyForbiddingTheUserIdRemovesAStoredOne()
{
    make().setRememberedUserId(QStringLiteral("reception01"));
    managed()->setValue(QStringLiteral("AllowRememberUserId"), 0);
    ServiceSettings settings = make();
    QVERIFY(settings.rememberedUserId().isEmpty());
    QVERIFY(!user()->contains(QStringLiteral("RememberedUserId")));
    settings.setRememberedUserId(QStringLiteral("reception02"));
    QVERIFY(!user()->contains(QStringLiteral("RememberedUserId")));
}

void TestServiceSettings::idleSignOutMinutes_data()
{
    QTest::addColumn<QVariant>("policy");
    QTest::addColumn<int>("minutes");
    QTest::newRow("not set") << QVariant() << 0;
    QTest::newRow("DWORD 15") << QVariant(15) << 15;
    QTest::newRow("string 30") << QVariant(QStringLiteral(" 30 ")) << 30;
    QTest::newRow("0 is never") << QVariant(0) << 0;
    QTest::newRow("negative is never") << QVariant(-5) << 0;
    QTest::newRow("words are never") << QVariant(QStringLiteral("ten")) << 0;
    QTest::newRow("1 leaves room for the warning") << QVariant(1) << 2;
    QTest::newRow("at most a day") << QVariant(100000) << 1440;
}

void TestServiceSettings::idleSignOutMinutes()
{
    QFETCH(QVariant, policy);
    QFETCH(int, minutes);
    if (policy.isValid())
        managed()->setValue(QStringLiteral("IdleSignOutMinutes"), policy);
    QCOMPARE(make().idleSignOutMinutes(), minutes);
}

void TestServiceSettings::policyFileIsTheOneTheDocsName()
{
#ifdef Q_OS_LINUX
    // The files the app opens itself, under stand-ins for /etc/xdg and ~/.config.
    QSettings::setPath(QSettings::NativeFormat, QSettings::SystemScope,
                       dir->filePath(QStringLiteral("etc-xdg")));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       dir->filePath(QStringLiteral("home-config")));
    QCOMPARE(ServiceSettings::openManagedPolicy()->fileName(),
             dir->filePath(QStringLiteral("etc-xdg/NHS/CQRS Desktop.conf")));
    {
        QSettings policy(dir->filePath(QStringLiteral("etc-xdg/NHS/CQRS Desktop.conf")),
                         QSettings::IniFormat);
        policy.setValue(QStringLiteral("ServerUrl"), QStringLiteral("https://managed.example/"));
        policy.setValue(QStringLiteral("AllowRememberUserId"), 0);
        QSettings own(dir->filePath(QStringLiteral("home-config/NHS/CQRS Desktop.conf")),
                      QSettings::IniFormat);
        own.setValue(QStringLiteral("ServerUrl"), QStringLiteral("https://own.example/"));
        own.setValue(QStringLiteral("AllowRememberUserId"), 1);
    }
    const ServiceSettings settings(ServiceSettings::openManagedPolicy(),
                                   ServiceSettings::openUserSettings(), tester);
    QCOMPARE(settings.serverUrl(), QUrl(QStringLiteral("https://managed.example/")));
    QCOMPARE(settings.serverUrlSource(), Source::ManagedPolicy);
    QVERIFY(!settings.allowsRememberingUserId());
    // The policy file is not also the person's own settings' fallback.
    QVERIFY(!ServiceSettings::openUserSettings()->fallbacksEnabled());
#else
    QSKIP("The managed policy is the registry on Windows");
#endif
}

QTEST_APPLESS_MAIN(TestServiceSettings)
#include "tst_servicesettings.moc"
