#include "server-stub/idp/IdpSigningKey.h"

#include "server-stub/idp/IdpSchema.h"
#include "server-stub/storage/Database.h"

#include "core/crypto/SecureRandom.h"

namespace cqrs::stub {

IdpSigningKey::IdpSigningKey(QString keyId, RsaPrivateKey key)
    : m_keyId(std::move(keyId))
    , m_key(std::move(key))
{ }

IdpSigningKey IdpSigningKey::loadOrCreate(const Database &database, qint64 nowMs)
{
    Migrations::apply(database, Idp::schema());
    const QString newest = QStringLiteral(
        "SELECT key_id, private_key_pem FROM idp_signing_keys ORDER BY created_at DESC LIMIT 1");
    QSqlQuery stored = database.exec(newest);
    if (!stored.next()) {
        const RsaPrivateKey generated = RsaPrivateKey::generate();
        database.exec(QStringLiteral("INSERT INTO idp_signing_keys"
                                     " (key_id, private_key_pem, created_at) VALUES (?, ?, ?)"),
                      {SecureRandom::base64Url(12), QString::fromLatin1(generated.toPem()), nowMs});
        stored = database.exec(newest);
        stored.next();
    }
    const auto key = RsaPrivateKey::fromPem(stored.value(1).toString().toLatin1());
    if (!key)
        throw StorageError("the identity provider's signing key in the database is damaged");
    return IdpSigningKey(stored.value(0).toString(), *key);
}

JsonWebKeySet IdpSigningKey::publicKeys() const
{
    JsonWebKeySet keys;
    keys.add(m_keyId, m_key.publicKey());
    return keys;
}

} // namespace cqrs::stub
