#include "core/credentials/CredentialStore.h"

#include <qt6keychain/keychain.h>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#endif
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

namespace cqrs {

namespace {

const QLatin1String MethodKey("method");
const QLatin1String RefreshTokenKey("refreshToken");
const QLatin1String NhsMail("nhsmail");
const QLatin1String Password("password");

QByteArray encode(const RememberedSignIn &signIn)
{
    QJsonObject object {{MethodKey,
                         signIn.method == RememberedSignIn::Method::NhsMail ? QString(NhsMail)
                                                                            : QString(Password)}};
    if (!signIn.refreshToken.isEmpty())
        object.insert(RefreshTokenKey, signIn.refreshToken);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<RememberedSignIn> decode(const QByteArray &data)
{
    const QJsonObject object = QJsonDocument::fromJson(data).object();
    const QString method = object.value(MethodKey).toString();
    if (method != NhsMail && method != Password)
        return std::nullopt;
    return RememberedSignIn {method == NhsMail ? RememberedSignIn::Method::NhsMail
                                               : RememberedSignIn::Method::Password,
                             object.value(RefreshTokenKey).toString()};
}

// QtKeychain reports a missing Secret Service only as a generic error on its libsecret path, so
// on Linux and the BSDs ask the session bus directly whether anyone provides (or can start) it.
bool isStoreReachable()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    const QLatin1String secretService("org.freedesktop.secrets");
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    if (bus.interface()->isServiceRegistered(secretService).value())
        return true;
    return bus.interface()->activatableServiceNames().value().contains(secretService);
#else
    return true;
#endif
}

} // namespace

CredentialStore::CredentialStore(QString serviceName, QObject *parent)
    : QObject(parent)
    , m_serviceName(std::move(serviceName))
{ }

QString CredentialStore::keyFor(const CredentialKey &key)
{
    QString server = key.server
                         .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment
                                   | QUrl::RemoveUserInfo | QUrl::NormalizePathSegments)
                         .toString(QUrl::FullyEncoded);
    if (key.ssoIssuer.isEmpty() && key.ssoClientId.isEmpty())
        return server;
    // Spaces cannot occur in a URL or a client ID, so the three parts never run together.
    return server + QLatin1Char(' ') + key.ssoIssuer + QLatin1Char(' ') + key.ssoClientId;
}

void CredentialStore::remember(const CredentialKey &key, const RememberedSignIn &signIn,
                               QObject *receiver, Handler handler)
{
    auto *job = new QKeychain::WritePasswordJob(m_serviceName);
    job->setKey(keyFor(key));
    job->setBinaryData(encode(signIn));
    run(
        job, receiver,
        [](QKeychain::Job *) {
            return Result {Outcome::Done, {}, {}};
        },
        std::move(handler));
}

void CredentialStore::recall(const CredentialKey &key, QObject *receiver, Handler handler)
{
    auto *job = new QKeychain::ReadPasswordJob(m_serviceName);
    job->setKey(keyFor(key));
    run(
        job, receiver,
        [](QKeychain::Job *finished) {
            auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
            const auto signIn = decode(read->binaryData());
            // An entry we cannot read is as good as none: the person just signs in again.
            if (!signIn)
                return Result {Outcome::NotFound, {}, {}};
            return Result {Outcome::Done, signIn, {}};
        },
        std::move(handler));
}

void CredentialStore::forget(const CredentialKey &key, QObject *receiver, Handler handler)
{
    auto *job = new QKeychain::DeletePasswordJob(m_serviceName);
    job->setKey(keyFor(key));
    run(
        job, receiver,
        [](QKeychain::Job *) {
            return Result {Outcome::Done, {}, {}};
        },
        [handler = std::move(handler)](const Result &result) {
            handler(result.outcome == Outcome::NotFound ? Result {Outcome::Done, {}, {}} : result);
        });
}

void CredentialStore::run(QKeychain::Job *job, QObject *receiver,
                          std::function<Result(QKeychain::Job *)> interpret, Handler handler)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    QPointer<QObject> alive(receiver);
    if (!isStoreReachable()) {
        delete job;
        // Still asynchronous, like every other outcome.
        QMetaObject::invokeMethod(
            this,
            [alive, handler = std::move(handler)] {
                if (alive)
                    handler(unavailable());
            },
            Qt::QueuedConnection);
        return;
    }
    connect(job, &QKeychain::Job::finished, this,
            [alive, interpret = std::move(interpret),
             handler = std::move(handler)](QKeychain::Job *finished) {
                if (!alive)
                    return;
                handler(finished->error() == QKeychain::NoError ? interpret(finished)
                                                                : failure(finished));
            });
    job->start();
}

CredentialStore::Result CredentialStore::unavailable()
{
    return {Outcome::Unavailable,
            {},
            tr("This computer has no credential store available, so CQRS Desktop will not "
               "remember your sign-in. You can still sign in each time.")};
}

CredentialStore::Result CredentialStore::failure(QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::EntryNotFound:
        return {Outcome::NotFound, {}, {}};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return unavailable();
    default:
        // The job's own text may name the store's internals; it stays out of what is shown.
        return {Outcome::Failed,
                {},
                tr("CQRS Desktop could not use this computer's credential store, so it will not "
                   "remember your sign-in this time.")};
    }
}

} // namespace cqrs
