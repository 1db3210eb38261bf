#include "core/settings/ServiceSettings.h"

#include "core/transport/TransportSecurity.h"

#include <QLoggingCategory>

#include <algorithm>
#include <array>

namespace cqrs {

namespace {

Q_LOGGING_CATEGORY(lcSettings, "cqrs.settings")

constexpr QLatin1String Organisation("NHS");
constexpr QLatin1String Application("CQRS Desktop");
constexpr QLatin1String RememberedUserIdKey("RememberedUserId");

QString keyName(const char *key)
{
    return QString::fromLatin1(key);
}

// The registry gives a DWORD, an INI file a string: accept 0/1 and true/false in either.
bool isTrue(const QVariant &value)
{
    const QString text = value.toString().trimmed();
    return text == QLatin1String("1")
        || text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

bool isFalse(const QVariant &value)
{
    const QString text = value.toString().trimmed();
    return text == QLatin1String("0")
        || text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0;
}

constexpr std::array SsoKeys {ServiceSettings::SsoEnabledKey, ServiceSettings::SsoIssuerKey,
                              ServiceSettings::SsoClientIdKey, ServiceSettings::SsoScopesKey};

bool isSsoKey(const char *key)
{
    return std::any_of(SsoKeys.begin(), SsoKeys.end(),
                       [key](const char *sso) { return qstrcmp(key, sso) == 0; });
}

} // namespace

QStringList ServiceSettings::managedPolicyKeys()
{
    return {keyName(ServerUrlKey),           keyName(SsoEnabledKey),
            keyName(SsoIssuerKey),           keyName(SsoClientIdKey),
            keyName(SsoScopesKey),           keyName(ProxyUrlKey),
            keyName(ExtraCaCertificatesKey), keyName(AllowRememberUserIdKey),
            keyName(AllowRememberSignInKey), keyName(IdleSignOutMinutesKey)};
}

QUrl ServiceSettings::builtInServerUrl()
{
    return QUrl(QStringLiteral("https://www.cqrs.co.uk/"));
}

QStringList ServiceSettings::defaultSsoScopes()
{
    return {QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email")};
}

std::unique_ptr<QSettings> ServiceSettings::openManagedPolicy()
{
#ifdef Q_OS_WIN
    return std::make_unique<QSettings>(
        QStringLiteral("HKEY_LOCAL_MACHINE\\Software\\Policies\\NHS\\CQRS Desktop"),
        QSettings::NativeFormat);
#else
    // The native format is the INI text of /etc/xdg/NHS/CQRS Desktop.conf, the file the docs
    // name (IniFormat would look for "CQRS Desktop.ini").
    return std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::SystemScope,
                                       Organisation, Application);
#endif
}

std::unique_ptr<QSettings> ServiceSettings::openUserSettings()
{
    auto settings = std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
                                                Organisation, Application);
    // Otherwise the system file (the managed policy on Linux) would also read as the person's
    // own settings wherever they have none, with the person's order of precedence.
    settings->setFallbacksEnabled(false);
    return settings;
}

ServiceSettings::ServiceSettings(std::unique_ptr<QSettings> managed,
                                 std::unique_ptr<QSettings> user, QUrl commandLineServer)
    : m_managed(std::move(managed))
    , m_user(std::move(user))
    , m_commandLineServer(std::move(commandLineServer))
{
    // On a shared computer the next person must not see the last one's User ID.
    if (!allowsRememberingUserId() && m_user)
        m_user->remove(RememberedUserIdKey);
}

bool ServiceSettings::isUsableServerUrl(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery()
        || url.hasFragment())
        return false;
    return isSecureOrLoopback(url);
}

std::optional<QUrl> ServiceSettings::serverUrlFrom(const QSettings *settings) const
{
    if (!settings || !settings->contains(keyName(ServerUrlKey)))
        return std::nullopt;
    const QString text = settings->value(keyName(ServerUrlKey)).toString().trimmed();
    const QUrl url(text, QUrl::StrictMode);
    if (!isUsableServerUrl(url)) {
        qCWarning(lcSettings) << "Ignoring unusable ServerUrl in" << settings->fileName();
        return std::nullopt;
    }
    return url;
}

QUrl ServiceSettings::serverUrl() const
{
    if (const auto managed = serverUrlFrom(m_managed.get()))
        return *managed;
    if (const auto user = serverUrlFrom(m_user.get()))
        return *user;
    if (isUsableServerUrl(m_commandLineServer))
        return m_commandLineServer;
    return builtInServerUrl();
}

QString ServiceSettings::managedServerUrlProblem() const
{
    if (!m_managed || !m_managed->contains(keyName(ServerUrlKey)) || serverUrlFrom(m_managed.get()))
        return {};
    return tr("The CQRS server address your IT team set on this computer cannot be used (it must "
              "start with https://), so CQRS Desktop is using %1. Ask your IT team to check it.")
        .arg(serverUrl().toDisplayString());
}

ServiceSettings::Source ServiceSettings::serverUrlSource() const
{
    if (serverUrlFrom(m_managed.get()))
        return Source::ManagedPolicy;
    if (serverUrlFrom(m_user.get()))
        return Source::User;
    if (isUsableServerUrl(m_commandLineServer))
        return Source::CommandLine;
    return Source::BuiltIn;
}

bool ServiceSettings::isManaged(const char *key) const
{
    if (!m_managed)
        return false;
    // The SSO keys describe one provider together: a user's issuer or client ID mixed with the
    // policy's would send the person to a provider nobody chose.
    if (isSsoKey(key))
        return isSsoManaged();
    if (!m_managed->contains(keyName(key)))
        return false;
    return qstrcmp(key, ServerUrlKey) != 0 || serverUrlFrom(m_managed.get()).has_value();
}

bool ServiceSettings::isSsoManaged() const
{
    return m_managed && std::any_of(SsoKeys.begin(), SsoKeys.end(), [this](const char *key) {
               return m_managed->contains(keyName(key));
           });
}

QVariant ServiceSettings::value(const char *key) const
{
    if (isManaged(key))
        return m_managed->value(keyName(key));
    return m_user ? m_user->value(keyName(key)) : QVariant();
}

SsoSettings ServiceSettings::ssoSettings() const
{
    SsoSettings sso;
    sso.enabled = isTrue(value(SsoEnabledKey));
    sso.issuer = value(SsoIssuerKey).toString().trimmed();
    sso.clientId = value(SsoClientIdKey).toString().trimmed();
    const QVariant scopes = value(SsoScopesKey);
    // An INI list comes back as a QStringList, a registry string as "openid profile email".
    sso.scopes = scopes.userType() == QMetaType::QStringList
        ? scopes.toStringList()
        : scopes.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (sso.scopes.isEmpty())
        sso.scopes = defaultSsoScopes();
    return sso;
}

bool ServiceSettings::setUserServerUrl(const QUrl &url)
{
    if (!m_user || isManaged(ServerUrlKey) || !isUsableServerUrl(url))
        return false;
    m_user->setValue(keyName(ServerUrlKey), url.toString());
    return true;
}

NetworkAccess ServiceSettings::networkAccess(ProxyCredentials *proxyCredentials) const
{
    if (!m_managed)
        return NetworkAccess({}, {}, proxyCredentials);
    QString problem;
    const ProxySetting proxy
        = ProxySetting::parse(m_managed->value(keyName(ProxyUrlKey)).toString(), &problem);
    if (!problem.isEmpty())
        qCWarning(lcSettings).noquote() << problem;
    QList<QSslCertificate> extraCas;
    const QString caPath = m_managed->value(keyName(ExtraCaCertificatesKey)).toString().trimmed();
    if (!caPath.isEmpty()) {
        problem.clear();
        extraCas = NetworkAccess::loadCaCertificates(caPath, &problem);
        if (!problem.isEmpty())
            qCWarning(lcSettings).noquote() << "Ignoring ExtraCaCertificates:" << problem;
    }
    return NetworkAccess(proxy, extraCas, proxyCredentials);
}

bool ServiceSettings::allowsRememberingUserId() const
{
    return !isFalse(value(AllowRememberUserIdKey));
}

bool ServiceSettings::allowsRememberingSignIn() const
{
    return !isFalse(value(AllowRememberSignInKey));
}

int ServiceSettings::idleSignOutMinutes() const
{
    bool ok = false;
    const int minutes = value(IdleSignOutMinutesKey).toString().trimmed().toInt(&ok);
    if (!ok || minutes <= 0)
        return 0;
    return std::clamp(minutes, MinimumIdleSignOutMinutes, MaximumIdleSignOutMinutes);
}

QString ServiceSettings::rememberedUserId() const
{
    return m_user && allowsRememberingUserId() ? m_user->value(RememberedUserIdKey).toString()
                                               : QString();
}

void ServiceSettings::setRememberedUserId(const QString &userId)
{
    if (!m_user)
        return;
    if (userId.isEmpty() || !allowsRememberingUserId())
        m_user->remove(RememberedUserIdKey);
    else
        m_user->setValue(RememberedUserIdKey, userId);
}

} // namespace cqrs
