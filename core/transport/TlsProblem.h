#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

namespace cqrs {

// Why a secure connection was refused, in words a practice manager can pass on, and the
// certificate facts the service desk or the practice's IT team need to fix it. There is no
// "continue anyway": the app never talks to a server it cannot check.
struct TlsProblem
{
    Q_DECLARE_TR_FUNCTIONS(TlsProblem)

public:
    enum class Reason {
        UntrustedIssuer, // typically a TLS inspection proxy's own CA, not in this computer's store
        Expired,
        NotYetValid,
        WrongHost,
        Other,
    };

    Reason reason = Reason::Other;
    QString host; // the address the app asked for
    QString subject; // the server certificate's common name
    QString issuer; // who issued it, or for an untrusted chain the top issuer it names
    QDateTime validFrom;
    QDateTime validUntil;
    QString sha256Fingerprint; // "AB:CD:…", of the server certificate
    QString qtError; // Qt's own wording of the first error, for the service desk

    // Picks the error that explains the failure best (the untrusted issuer over the chain errors
    // it causes) and the facts of the chain the server presented (peerChain, server first).
    static TlsProblem fromErrors(const QList<QSslError> &errors,
                                 const QList<QSslCertificate> &peerChain, const QString &host);

    // "The secure connection to <service> could not be checked: …", naming the issuer, date or
    // host name and who can fix it.
    QString explanation(const QString &service) const;
    // One fact a line, for "Copy details for the service desk".
    QString details() const;
};

} // namespace cqrs
