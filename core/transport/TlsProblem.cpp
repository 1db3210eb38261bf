#include "core/transport/TlsProblem.h"

#include <QCryptographicHash>
#include <QLocale>
#include <QSslCertificate>

#include <algorithm>

namespace cqrs {

namespace {

TlsProblem::Reason reasonOf(QSslError::SslError error)
{
    switch (error) {
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
        return TlsProblem::Reason::UntrustedIssuer;
    case QSslError::CertificateExpired:
        return TlsProblem::Reason::Expired;
    case QSslError::CertificateNotYetValid:
        return TlsProblem::Reason::NotYetValid;
    case QSslError::HostNameMismatch:
        return TlsProblem::Reason::WrongHost;
    default:
        return TlsProblem::Reason::Other;
    }
}

// An untrusted issuer explains the other errors of a chain, so it is named first; then the
// dates, which the person or IT can check; a host name mismatch last.
int weight(TlsProblem::Reason reason)
{
    switch (reason) {
    case TlsProblem::Reason::UntrustedIssuer:
        return 0;
    case TlsProblem::Reason::Expired:
        return 1;
    case TlsProblem::Reason::NotYetValid:
        return 2;
    case TlsProblem::Reason::WrongHost:
        return 3;
    case TlsProblem::Reason::Other:
        break;
    }
    return 4;
}

QString firstOf(const QStringList &values)
{
    return values.isEmpty() ? QString() : values.first();
}

QString colonHex(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

QString day(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime().date(), QLocale::LongFormat);
}

} // namespace

TlsProblem TlsProblem::fromErrors(const QList<QSslError> &errors,
                                  const QList<QSslCertificate> &peerChain, const QString &host)
{
    TlsProblem problem;
    problem.host = host;
    if (errors.isEmpty())
        return problem;
    const auto best = std::min_element(
        errors.begin(), errors.end(), [](const QSslError &a, const QSslError &b) {
            return weight(reasonOf(a.error())) < weight(reasonOf(b.error()));
        });
    problem.reason = reasonOf(best->error());
    problem.qtError = best->errorString();
    // The facts that identify the server are those of its own certificate, the first of the
    // chain it presented; the issuer to name is the one at the top of that chain, the root this
    // computer does not have (for an inspection proxy, its own CA).
    const QSslCertificate certificate
        = peerChain.isEmpty() ? best->certificate() : peerChain.first();
    if (certificate.isNull())
        return problem;
    const QSslCertificate top = peerChain.isEmpty() ? certificate : peerChain.last();
    problem.subject = firstOf(certificate.subjectInfo(QSslCertificate::CommonName));
    problem.issuer = firstOf(top.issuerInfo(QSslCertificate::CommonName));
    if (problem.issuer.isEmpty())
        problem.issuer = top.issuerDisplayName();
    problem.validFrom = certificate.effectiveDate();
    problem.validUntil = certificate.expiryDate();
    problem.sha256Fingerprint = colonHex(certificate.digest(QCryptographicHash::Sha256));
    return problem;
}

QString TlsProblem::explanation(const QString &service) const
{
    const QString opening
        = tr("The secure connection to %1 could not be checked:").arg(service) + QLatin1Char(' ');
    switch (reason) {
    case Reason::UntrustedIssuer:
        return opening
            + tr("the certificate was issued by '%1', which this computer does not trust. Your IT "
                 "team can fix this.")
                  .arg(issuer.isEmpty() ? tr("an unknown issuer") : issuer);
    case Reason::Expired:
        return opening
            + tr("its certificate expired on %1. Check that this computer's date is right; if it "
                 "is, contact the CQRS Service Desk.")
                  .arg(day(validUntil));
    case Reason::NotYetValid:
        return opening
            + tr("its certificate is only valid from %1. Check that this computer's date and "
                 "time are right, or ask your IT team.")
                  .arg(day(validFrom));
    case Reason::WrongHost:
        return opening
            + tr("the certificate is for '%1', not for '%2'. Check the server address, or ask "
                 "your IT team.")
                  .arg(subject, host);
    case Reason::Other:
        break;
    }
    return opening + tr("%1. Your IT team or the CQRS Service Desk can help.").arg(qtError);
}

QString TlsProblem::details() const
{
    QStringList lines {
        tr("Server: %1").arg(host),
        tr("Certificate problem: %1").arg(qtError),
        tr("Certificate subject: %1").arg(subject),
        tr("Certificate issuer: %1").arg(issuer),
        tr("Valid from: %1").arg(validFrom.toUTC().toString(Qt::ISODate)),
        tr("Valid until: %1").arg(validUntil.toUTC().toString(Qt::ISODate)),
        tr("SHA-256 fingerprint: %1").arg(sha256Fingerprint),
    };
    return lines.join(QLatin1Char('\n'));
}

} // namespace cqrs
