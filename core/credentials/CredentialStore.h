#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

namespace QKeychain {
class Job;
}

namespace cqrs {

// How the person last signed in to a server, so the app can offer the same again; and, for
// NHSmail, the refresh token. Never a password.
struct RememberedSignIn
{
    enum class Method { Password, NhsMail };

    Method method = Method::Password;
    QString refreshToken;

    friend bool operator==(const RememberedSignIn &, const RememberedSignIn &) = default;
};

// Whose sign-in an entry is: the server and, when NHSmail sign-in is set up, the provider
// (issuer) and client ID the refresh token was issued to. Changing any of them finds no entry,
// so an old provider's token is never sent to a new one.
struct CredentialKey
{
    // Implicit from a server alone, for a computer where no NHSmail provider is set up.
    CredentialKey(QUrl atServer, QString issuer = {}, QString clientId = {})
        : server(std::move(atServer))
        , ssoIssuer(std::move(issuer))
        , ssoClientId(std::move(clientId))
    { }

    QUrl server;
    QString ssoIssuer;
    QString ssoClientId;
};

// The OS credential store (Windows Credential Manager, the Secret Service on Linux, the macOS
// keychain) through QtKeychain, one entry per CredentialKey. There is deliberately no plaintext
// fallback: when no store is available every call reports Outcome::Unavailable and the app
// carries on without remembering the sign-in. (QtKeychain 0.13 on Linux ignores
// setInsecureFallback on its libsecret path anyway.)
//
// Every call is asynchronous and runs its handler exactly once, unless `receiver` is destroyed
// first.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    enum class Outcome { Done, NotFound, Unavailable, Failed };

    struct Result
    {
        Outcome outcome = Outcome::Failed;
        std::optional<RememberedSignIn> signIn; // set for a successful recall()
        QString message; // plain English for Unavailable and Failed, empty otherwise
    };
    using Handler = std::function<void(const Result &)>;

    static QString defaultServiceName() { return QStringLiteral("CQRS Desktop"); }

    explicit CredentialStore(QString serviceName = defaultServiceName(), QObject *parent = nullptr);

    void remember(const CredentialKey &key, const RememberedSignIn &signIn, QObject *receiver,
                  Handler handler);
    void recall(const CredentialKey &key, QObject *receiver, Handler handler);
    // On sign-out. Forgetting what is not there is Done, not NotFound.
    void forget(const CredentialKey &key, QObject *receiver, Handler handler);

    // The entry's name: the server's scheme, host and port, so two servers never share one,
    // then the NHSmail issuer and client ID when there are any.
    static QString keyFor(const CredentialKey &key);

private:
    void run(QKeychain::Job *job, QObject *receiver,
             std::function<Result(QKeychain::Job *)> interpret, Handler handler);
    static Result failure(QKeychain::Job *job);
    static Result unavailable();

    QString m_serviceName;
};

} // namespace cqrs
