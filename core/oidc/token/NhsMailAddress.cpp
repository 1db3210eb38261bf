#include "core/oidc/token/NhsMailAddress.h"

namespace cqrs::NhsMailAddress {

bool isNhsMail(QStringView email)
{
    const qsizetype at = email.indexOf(u'@');
    if (at <= 0 || email.lastIndexOf(u'@') != at)
        return false;
    const QStringView domain = email.mid(at + 1);
    const QStringView nhsNet = u"nhs.net";
    if (domain.compare(nhsNet, Qt::CaseInsensitive) == 0)
        return true;
    // "x.nhs.net", but neither ".nhs.net" alone nor "evilnhs.net".
    return domain.size() > nhsNet.size() + 1 && domain.endsWith(u".nhs.net", Qt::CaseInsensitive)
        && domain.at(domain.size() - nhsNet.size() - 2) != u'.';
}

} // namespace cqrs::NhsMailAddress
