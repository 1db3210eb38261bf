#pragma once

#include "core/transport/NetworkAccess.h"

#include <QCoreApplication>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <optional>

namespace cqrs {

struct SsoSettings
{
    bool enabled = false;
    QString issuer;
    QString clientId;
    QStringList scopes;

    // Enabled and complete enough to start a sign-in.
    bool isUsable() const { return enabled && !issuer.isEmpty() && !clientId.isEmpty(); }
};

// Where the app's service settings come from, strongest first (issue 4):
//   1. IT admin policy: HKLM\Software\Policies\NHS\CQRS Desktop on Windows (written by the MSI
//      or Group Policy), /etc/xdg/NHS/CQRS Desktop.conf on Linux;
//   2. the user's own settings;
//   3. `--server URL` on the command line (for testers);
//   4. the built-in default.
// A managed value is final: the user cannot override it. The SSO keys go together: when policy
// sets any of them, policy alone supplies them all. A value that is not a usable server
// address is skipped with a warning, as if it were not there.
class ServiceSettings
{
    Q_DECLARE_TR_FUNCTIONS(ServiceSettings)

public:
    enum class Source { ManagedPolicy, User, CommandLine, BuiltIn };

    static constexpr const char *ServerUrlKey = "ServerUrl";
    static constexpr const char *SsoEnabledKey = "SsoEnabled";
    static constexpr const char *SsoIssuerKey = "SsoIssuer";
    static constexpr const char *SsoClientIdKey = "SsoClientId";
    static constexpr const char *SsoScopesKey = "SsoScopes";
    // IT policy only: a user setting cannot send the app's traffic elsewhere or add trust.
    static constexpr const char *ProxyUrlKey = "ProxyUrl";
    static constexpr const char *ExtraCaCertificatesKey = "ExtraCaCertificates";
    // Shared computers: policy or the user's own settings, policy first.
    static constexpr const char *AllowRememberUserIdKey = "AllowRememberUserId";
    static constexpr const char *AllowRememberSignInKey = "AllowRememberSignIn";
    static constexpr const char *IdleSignOutMinutesKey = "IdleSignOutMinutes";
    // An idle sign-out warns a minute before, so a shorter limit would warn at once.
    static constexpr int MinimumIdleSignOutMinutes = 2;
    static constexpr int MaximumIdleSignOutMinutes = 1440;

    // Every value read from the managed policy store. The Group Policy templates
    // (packaging/windows/policy) define exactly these; tst_policy_templates checks it.
    static QStringList managedPolicyKeys();

    static QUrl builtInServerUrl();
    static QStringList defaultSsoScopes();

    // The managed policy store of this platform, and this user's own settings.
    static std::unique_ptr<QSettings> openManagedPolicy();
    static std::unique_ptr<QSettings> openUserSettings();

    // Tests pass their own QSettings (INI files in a temporary folder); either may be null.
    ServiceSettings(std::unique_ptr<QSettings> managed, std::unique_ptr<QSettings> user,
                    QUrl commandLineServer = {});

    // https anywhere; plain http only to this machine (a tester's local server-stub), so a
    // password never crosses a network unencrypted. No user-info, query or fragment.
    static bool isUsableServerUrl(const QUrl &url);

    QUrl serverUrl() const;
    Source serverUrlSource() const;
    // For the person, when IT's server address cannot be used and another stands in: what to
    // do about it. Empty when IT set none or a usable one.
    QString managedServerUrlProblem() const;
    SsoSettings ssoSettings() const;
    bool isManaged(const char *key) const;
    // The proxy and trust anchors IT policy sets for every connection the app makes, answering
    // a proxy's request for credentials with `proxyCredentials` (may be null). Unusable values
    // are skipped with a warning, as if they were not set.
    NetworkAccess networkAccess(ProxyCredentials *proxyCredentials) const;

    // Shared workstations (issue 13): both allowed unless set to 0/false; a User ID kept from
    // before the policy forbade it is removed when the settings are opened.
    bool allowsRememberingUserId() const;
    bool allowsRememberingSignIn() const;
    // 0 when the app never signs out on its own; otherwise within the limits above.
    int idleSignOutMinutes() const;

    // Refused (returns false) when the server address is managed or not usable.
    bool setUserServerUrl(const QUrl &url);

    // "Remember my User ID": only the User ID, never a password; nothing when policy forbids it.
    QString rememberedUserId() const;
    void setRememberedUserId(const QString &userId);

private:
    std::optional<QUrl> serverUrlFrom(const QSettings *settings) const;
    bool isSsoManaged() const;
    QVariant value(const char *key) const;

    std::unique_ptr<QSettings> m_managed;
    std::unique_ptr<QSettings> m_user;
    QUrl m_commandLineServer;
};

} // namespace cqrs
