#include "core/oidc/token/Base64Url.h"
#include "core/oidc/token/IdTokenValidator.h"
#include "core/oidc/token/IdTokenVerifier.h"
#include "core/oidc/token/JsonWebKeySet.h"
#include "core/oidc/token/JsonWebToken.h"
#include "core/oidc/token/NhsMailAddress.h"
#include "core/oidc/token/Pkce.h"
#include "core/oidc/token/ProviderMetadata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace cqrs;

namespace {

const QString Issuer = QStringLiteral("https://idp.example.nhs.uk/v2.0");
const QString ClientId = QStringLiteral("cqrs-desktop");
const QString Nonce = QStringLiteral("n-0S6_WzA2Mj");
const QDateTime Now = QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC);

// Generating RSA keys is slow; the tests share two.
const RsaPrivateKey &signingKey()
{
    static const RsaPrivateKey key = RsaPrivateKey::generate();
    return key;
}

const RsaPrivateKey &otherKey()
{
    static const RsaPrivateKey key = RsaPrivateKey::generate();
    return key;
}

JsonWebKeySet keysWith(const QString &kid, const RsaPrivateKey &key)
{
    JsonWebKeySet set;
    set.add(kid, key.publicKey());
    return set;
}

QJsonObject goodClaims()
{
    return {{QStringLiteral("iss"), Issuer},
            {QStringLiteral("sub"), QStringLiteral("subject-1")},
            {QStringLiteral("aud"), ClientId},
            {QStringLiteral("email"), QStringLiteral("jane.doe@nhs.net")},
            {QStringLiteral("nonce"), Nonce},
            {QStringLiteral("iat"), Now.toSecsSinceEpoch() - 10},
            {QStringLiteral("exp"), Now.toSecsSinceEpoch() + 600}};
}

QByteArray sign(const QJsonObject &claims, const QString &kid = QStringLiteral("k1"))
{
    return JsonWebToken::signRs256(claims, kid, signingKey());
}

QByteArray segment(const QJsonObject &object)
{
    return Base64Url::encode(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

IdTokenValidator validator(std::optional<QString> nonce = Nonce)
{
    return IdTokenValidator({Issuer, ClientId, std::move(nonce)}, [] { return Now; });
}

IdTokenProblem problemOf(const QByteArray &token, std::optional<QString> nonce = Nonce)
{
    return validator(std::move(nonce))
        .validate(token, keysWith(QStringLiteral("k1"), signingKey()))
        .problem;
}

// A key source that serves one set, then another after a refresh, counting fetches.
class RotatingKeySource : public SigningKeySource
{
public:
    RotatingKeySource(JsonWebKeySet before, JsonWebKeySet after)
        : m_before(std::move(before))
        , m_after(std::move(after))
    { }
    void keys(bool refresh, Delivery deliver) override
    {
        if (refresh)
            ++refreshes;
        deliver(refreshes > 0 ? m_after : m_before, {});
    }
    int refreshes = 0;

private:
    JsonWebKeySet m_before;
    JsonWebKeySet m_after;
};

} // namespace

class TestIdToken : public QObject
{
    Q_OBJECT

private slots:
    void acceptsAValidToken()
    {
        const IdTokenCheck check = validator().validate(
            sign(goodClaims()), keysWith(QStringLiteral("k1"), signingKey()));
        QVERIFY2(check.isValid(), qPrintable(check.message));
        QCOMPARE(check.claims->email, QStringLiteral("jane.doe@nhs.net"));
        QCOMPARE(check.claims->subject, QStringLiteral("subject-1"));
    }

    void acceptsAudienceArrayWithAuthorizedParty()
    {
        QJsonObject claims = goodClaims();
        claims.insert(QStringLiteral("aud"), QJsonArray {ClientId, QStringLiteral("other")});
        QCOMPARE(problemOf(sign(claims)), IdTokenProblem::WrongAudience); // no azp
        claims.insert(QStringLiteral("azp"), ClientId);
        QCOMPARE(problemOf(sign(claims)), IdTokenProblem::None);
    }

    void refusesATokenAuthorisedForAnotherParty_data()
    {
        QTest::addColumn<QJsonValue>("azp");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("ours") << QJsonValue(ClientId) << true;
        QTest::newRow("another client") << QJsonValue(QStringLiteral("other-app")) << false;
        QTest::newRow("empty") << QJsonValue(QString()) << false;
        QTest::newRow("not a string") << QJsonValue(42) << false;
        QTest::newRow("null") << QJsonValue(QJsonValue::Null) << false;
    }

    void refusesATokenAuthorisedForAnotherParty()
    {
        // A single audience that is ours, yet azp says the token was issued to someone else.
        QFETCH(QJsonValue, azp);
        QFETCH(bool, accepted);
        QJsonObject claims = goodClaims();
        claims.insert(QStringLiteral("azp"), azp);
        QCOMPARE(problemOf(sign(claims)),
                 accepted ? IdTokenProblem::None : IdTokenProblem::WrongAudience);
    }

    void usesPreferredUsernameWhenEmailIsAbsent()
    {
        QJsonObject claims = goodClaims();
        claims.remove(QStringLiteral("email"));
        claims.insert(QStringLiteral("preferred_username"), QStringLiteral("a.b@nhs.net"));
        const IdTokenCheck check
            = validator().validate(sign(claims), keysWith(QStringLiteral("k1"), signingKey()));
        QVERIFY(check.isValid());
        QCOMPARE(check.claims->email, QStringLiteral("a.b@nhs.net"));
    }

    void refusesBadSignature()
    {
        const QByteArray forged
            = JsonWebToken::signRs256(goodClaims(), QStringLiteral("k1"), otherKey());
        QCOMPARE(problemOf(forged), IdTokenProblem::BadSignature);

        // A valid signature over different claims: swap in another payload.
        QJsonObject claims = goodClaims();
        claims.insert(QStringLiteral("email"), QStringLiteral("mallory@nhs.net"));
        QList<QByteArray> parts = sign(goodClaims()).split('.');
        parts[1] = segment(claims);
        QCOMPARE(problemOf(parts.join('.')), IdTokenProblem::BadSignature);
    }

    void refusesWrongClaims_data()
    {
        QTest::addColumn<QString>("claim");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<IdTokenProblem>("problem");
        const qint64 now = Now.toSecsSinceEpoch();
        QTest::newRow("wrong aud")
            << "aud" << QJsonValue(QStringLiteral("someone-else")) << IdTokenProblem::WrongAudience;
        QTest::newRow("wrong aud array") << "aud" << QJsonValue(QJsonArray {QStringLiteral("x")})
                                         << IdTokenProblem::WrongAudience;
        QTest::newRow("wrong iss") << "iss" << QJsonValue(QStringLiteral("https://evil.example"))
                                   << IdTokenProblem::WrongIssuer;
        QTest::newRow("iss with trailing slash")
            << "iss" << QJsonValue(Issuer + QLatin1Char('/')) << IdTokenProblem::WrongIssuer;
        QTest::newRow("expired") << "exp" << QJsonValue(now - 61) << IdTokenProblem::Expired;
        QTest::newRow("issued in the future")
            << "iat" << QJsonValue(now + 300) << IdTokenProblem::NotYetValid;
        QTest::newRow("not before")
            << "nbf" << QJsonValue(now + 300) << IdTokenProblem::NotYetValid;
        QTest::newRow("wrong nonce")
            << "nonce" << QJsonValue(QStringLiteral("other")) << IdTokenProblem::WrongNonce;
        QTest::newRow("exp as string")
            << "exp" << QJsonValue(QStringLiteral("2030")) << IdTokenProblem::Malformed;
        QTest::newRow("no sub") << "sub" << QJsonValue() << IdTokenProblem::Malformed;
        // An nbf that cannot be read cannot be honoured.
        QTest::newRow("nbf as string")
            << "nbf" << QJsonValue(QStringLiteral("soon")) << IdTokenProblem::Malformed;
        QTest::newRow("nbf negative") << "nbf" << QJsonValue(-1) << IdTokenProblem::Malformed;
    }

    void refusesWrongClaims()
    {
        QFETCH(QString, claim);
        QFETCH(QJsonValue, value);
        QFETCH(IdTokenProblem, problem);
        QJsonObject claims = goodClaims();
        if (value.isNull())
            claims.remove(claim);
        else
            claims.insert(claim, value);
        QCOMPARE(problemOf(sign(claims)), problem);
        QVERIFY(!IdTokenValidator::describe(problem).isEmpty());
    }

    void toleratesSmallClockSkew()
    {
        QJsonObject claims = goodClaims();
        claims.insert(QStringLiteral("exp"), Now.toSecsSinceEpoch() - 30);
        claims.insert(QStringLiteral("iat"), Now.toSecsSinceEpoch() + 30);
        QCOMPARE(problemOf(sign(claims)), IdTokenProblem::None);
    }

    void serverSideSkipsNonceButClientRequiresIt()
    {
        QJsonObject claims = goodClaims();
        claims.remove(QStringLiteral("nonce"));
        QCOMPARE(problemOf(sign(claims), std::nullopt), IdTokenProblem::None);
        QCOMPARE(problemOf(sign(claims)), IdTokenProblem::WrongNonce);
    }

    void refusesOtherAlgorithms_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::newRow("none") << "none";
        QTest::newRow("HS256") << "HS256";
        QTest::newRow("RS512") << "RS512";
        QTest::newRow("missing") << "";
    }

    void refusesOtherAlgorithms()
    {
        QFETCH(QString, alg);
        QJsonObject header {{QStringLiteral("kid"), QStringLiteral("k1")}};
        if (!alg.isEmpty())
            header.insert(QStringLiteral("alg"), alg);
        // HS256 keyed with the public key's text: the classic key-confusion forgery.
        const QByteArray input = segment(header) + '.' + segment(goodClaims());
        const QByteArray mac = QMessageAuthenticationCode::hash(
            input, QJsonDocument(signingKey().publicKey().toJwk()).toJson(),
            QCryptographicHash::Sha256);
        QCOMPARE(problemOf(input + '.' + Base64Url::encode(mac)),
                 IdTokenProblem::UnsupportedAlgorithm);
        QCOMPARE(problemOf(input + '.'), IdTokenProblem::UnsupportedAlgorithm);
    }

    void refusesMalformedTokens_data()
    {
        QTest::addColumn<QByteArray>("token");
        const QList<QByteArray> good = sign(goodClaims()).split('.');
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("two segments") << good[0] + '.' + good[1];
        QTest::newRow("four segments") << sign(goodClaims()) + ".e30";
        QTest::newRow("padding") << good[0] + "=." + good[1] + '.' + good[2];
        QTest::newRow("standard base64 alphabet") << good[0] + '.' + good[1] + '.' + good[2] + '+';
        QTest::newRow("header not JSON")
            << Base64Url::encode("nope") + '.' + good[1] + '.' + good[2];
        QTest::newRow("payload an array")
            << good[0] + '.' + Base64Url::encode("[1]") + '.' + good[2];
        QTest::newRow("crit header")
            << segment({{QStringLiteral("alg"), QStringLiteral("RS256")},
                        {QStringLiteral("crit"), QJsonArray {QStringLiteral("x")}}})
                + '.' + good[1] + '.' + good[2];
    }

    void refusesMalformedTokens()
    {
        QFETCH(QByteArray, token);
        QCOMPARE(problemOf(token), IdTokenProblem::Malformed);
    }

    void unknownKeyIdRefetchesOnce()
    {
        RotatingKeySource source(keysWith(QStringLiteral("old"), otherKey()),
                                 keysWith(QStringLiteral("k1"), signingKey()));
        IdTokenVerifier verifier(validator(), source);
        std::optional<IdTokenCheck> result;
        verifier.verify(sign(goodClaims()), [&](const IdTokenCheck &check) { result = check; });
        QVERIFY(result && result->isValid());
        QCOMPARE(source.refreshes, 1);

        // Still unknown after the refetch: refused, and no second refetch for this token.
        result.reset();
        verifier.verify(sign(goodClaims(), QStringLiteral("k9")),
                        [&](const IdTokenCheck &check) { result = check; });
        QVERIFY(result);
        QCOMPARE(result->problem, IdTokenProblem::UnknownKey);
        QCOMPARE(source.refreshes, 2);
    }

    void knownKeyDoesNotRefetch()
    {
        RotatingKeySource source(keysWith(QStringLiteral("k1"), signingKey()), {});
        IdTokenVerifier verifier(validator(), source);
        std::optional<IdTokenCheck> result;
        verifier.verify(sign(goodClaims()), [&](const IdTokenCheck &check) { result = check; });
        QVERIFY(result && result->isValid());
        QCOMPARE(source.refreshes, 0);
    }

    void keySetRoundTripsAndSkipsForeignKeys()
    {
        const QByteArray json = keysWith(QStringLiteral("k1"), signingKey()).toJson();
        QJsonObject document = QJsonDocument::fromJson(json).object();
        QJsonArray keys = document.value(QStringLiteral("keys")).toArray();
        keys.append(QJsonObject {{QStringLiteral("kty"), QStringLiteral("EC")},
                                 {QStringLiteral("kid"), QStringLiteral("ec")}});
        QJsonObject encryption = keys.at(0).toObject();
        encryption.insert(QStringLiteral("use"), QStringLiteral("enc"));
        encryption.insert(QStringLiteral("kid"), QStringLiteral("enc"));
        keys.append(encryption);
        document.insert(QStringLiteral("keys"), keys);
        const auto parsed = JsonWebKeySet::fromJson(QJsonDocument(document).toJson());
        QVERIFY(parsed);
        QCOMPARE(parsed->size(), 1);
        QVERIFY(parsed->find(QStringLiteral("k1")));
        QVERIFY(!JsonWebKeySet::fromJson("{\"nokeys\":1}"));
        QVERIFY(!JsonWebKeySet::fromJson("garbage"));
    }

    void refusesShortRsaKeys()
    {
        const RsaPrivateKey small = RsaPrivateKey::generate(1024);
        QVERIFY(!RsaPublicKey::fromJwk(small.publicKey().toJwk()));
    }

    void privateKeyPemRoundTrips()
    {
        const auto restored = RsaPrivateKey::fromPem(signingKey().toPem());
        QVERIFY(restored);
        QCOMPARE(restored->publicKey().toJwk(), signingKey().publicKey().toJwk());
        QVERIFY(!RsaPrivateKey::fromPem(
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"));
    }

    void pkceMatchesRfc7636Vector()
    {
        // RFC 7636 Appendix B.
        const QString verifier = QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        const QString challenge = QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        QCOMPARE(Pkce::challengeFor(verifier), challenge);
        QVERIFY(Pkce::matches(verifier, challenge));
        QVERIFY(!Pkce::matches(verifier, challenge.left(42) + QLatin1Char('x')));
        QVERIFY(
            !Pkce::matches(QStringLiteral("short"), Pkce::challengeFor(QStringLiteral("short"))));
    }

    void pkceGeneratesFreshWellFormedPairs()
    {
        const Pkce a = Pkce::generate();
        const Pkce b = Pkce::generate();
        QVERIFY(a.verifier != b.verifier);
        QVERIFY(Pkce::isWellFormedVerifier(a.verifier));
        QVERIFY(Pkce::matches(a.verifier, a.challenge));
    }

    void recognisesNhsMailAddresses_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("nhsMail");
        QTest::newRow("nhs.net") << "jane.doe@nhs.net" << true;
        QTest::newRow("upper case") << "Jane.Doe@NHS.NET" << true;
        QTest::newRow("subdomain") << "a.b@gp.practice.nhs.net" << true;
        QTest::newRow("look-alike") << "a@evilnhs.net" << false;
        QTest::newRow("suffix") << "a@nhs.net.evil.com" << false;
        QTest::newRow("empty subdomain") << "a@.nhs.net" << false;
        QTest::newRow("double dot") << "a@x..nhs.net" << false;
        QTest::newRow("nhs.uk") << "a@nhs.uk" << false;
        QTest::newRow("two @") << "a@b@nhs.net" << false;
        QTest::newRow("no local part") << "@nhs.net" << false;
    }

    void recognisesNhsMailAddresses()
    {
        QFETCH(QString, email);
        QFETCH(bool, nhsMail);
        QCOMPARE(NhsMailAddress::isNhsMail(email), nhsMail);
    }

    void parsesProviderMetadata()
    {
        const QByteArray json
            = "{\"issuer\":\"https://login.microsoftonline.com/t/v2.0\","
              "\"authorization_endpoint\":\"https://login.microsoftonline.com/t/oauth2/v2.0/"
              "authorize\","
              "\"token_endpoint\":\"https://login.microsoftonline.com/t/oauth2/v2.0/token\","
              "\"jwks_uri\":\"https://login.microsoftonline.com/t/discovery/v2.0/keys\"}";
        const QString issuer = QStringLiteral("https://login.microsoftonline.com/t/v2.0");
        const auto metadata = ProviderMetadata::fromJson(json, issuer);
        QVERIFY(metadata);
        QCOMPARE(metadata->tokenEndpoint.path(), QStringLiteral("/t/oauth2/v2.0/token"));
        QCOMPARE(ProviderMetadata::discoveryUrl(issuer + QLatin1Char('/')).toString(),
                 issuer + QStringLiteral("/.well-known/openid-configuration"));

        QString error;
        QVERIFY(!ProviderMetadata::fromJson(json, QStringLiteral("https://evil.example"), &error));
        QVERIFY(error.contains(QStringLiteral("different issuer")));
        QVERIFY(!ProviderMetadata::fromJson("{\"issuer\":\"x\"}", QStringLiteral("x"), &error));
        QVERIFY(!ProviderMetadata::fromJson("[]", issuer, &error));
    }

    void providerMustOfferS256WhenItListsMethods_data()
    {
        QTest::addColumn<QJsonValue>("methods");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("not listed") << QJsonValue() << true;
        QTest::newRow("S256") << QJsonValue(
            QJsonArray {QStringLiteral("plain"), QStringLiteral("S256")})
                              << true;
        QTest::newRow("plain only") << QJsonValue(QJsonArray {QStringLiteral("plain")}) << false;
        QTest::newRow("empty list") << QJsonValue(QJsonArray {}) << false;
    }

    void providerMustOfferS256WhenItListsMethods()
    {
        QFETCH(QJsonValue, methods);
        QFETCH(bool, accepted);
        const QString issuer = QStringLiteral("https://login.example");
        QJsonObject document {
            {QStringLiteral("issuer"), issuer},
            {QStringLiteral("authorization_endpoint"),
             QStringLiteral("https://login.example/authorize")},
            {QStringLiteral("token_endpoint"), QStringLiteral("https://login.example/token")},
            {QStringLiteral("jwks_uri"), QStringLiteral("https://login.example/keys")}};
        if (!methods.isNull())
            document.insert(QStringLiteral("code_challenge_methods_supported"), methods);
        QString error;
        const auto metadata
            = ProviderMetadata::fromJson(QJsonDocument(document).toJson(), issuer, &error);
        QCOMPARE(metadata.has_value(), accepted);
        if (!accepted)
            QVERIFY2(error.contains(QStringLiteral("S256")), qPrintable(error));
    }

    void providerAddressesMustBeHttpsOrThisMachine_data()
    {
        QTest::addColumn<QString>("issuer");
        QTest::addColumn<QString>("endpointBase");
        QTest::addColumn<bool>("accepted");
        const QString https = QStringLiteral("https://login.example");
        const QString plain = QStringLiteral("http://login.example");
        QTest::newRow("https") << https << https << true;
        QTest::newRow("http endpoints") << https << plain << false;
        QTest::newRow("http issuer") << plain << https << false;
        QTest::newRow("127.0.0.1") << QStringLiteral("http://127.0.0.1:8080/idp")
                                   << QStringLiteral("http://127.0.0.1:8080") << true;
        QTest::newRow("::1") << QStringLiteral("http://[::1]:8080/idp")
                             << QStringLiteral("http://[::1]:8080") << true;
        QTest::newRow("localhost") << QStringLiteral("http://localhost:8080/idp")
                                   << QStringLiteral("http://localhost:8080") << true;
        QTest::newRow("look-alike") << QStringLiteral("http://127.0.0.1.example/idp")
                                    << QStringLiteral("http://127.0.0.1.example") << false;
    }

    void providerAddressesMustBeHttpsOrThisMachine()
    {
        QFETCH(QString, issuer);
        QFETCH(QString, endpointBase);
        QFETCH(bool, accepted);
        QJsonObject document {
            {QStringLiteral("issuer"), issuer},
            {QStringLiteral("authorization_endpoint"), endpointBase + QStringLiteral("/authorize")},
            {QStringLiteral("token_endpoint"), endpointBase + QStringLiteral("/token")},
            {QStringLiteral("jwks_uri"), endpointBase + QStringLiteral("/keys")}};
        QString error;
        const auto metadata
            = ProviderMetadata::fromJson(QJsonDocument(document).toJson(), issuer, &error);
        QCOMPARE(metadata.has_value(), accepted);
        if (!accepted)
            QVERIFY2(error.contains(QStringLiteral("https")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestIdToken)
#include "tst_idtoken.moc"
