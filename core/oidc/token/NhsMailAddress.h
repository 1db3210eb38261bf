#pragma once

#include <QStringView>

namespace cqrs::NhsMailAddress {

// True for an NHSmail address: one @, a non-empty local part, and the domain nhs.net or a
// subdomain of it (compared without regard to ASCII case). Single sign-on is offered to, and
// accepted from, these addresses only.
bool isNhsMail(QStringView email);

} // namespace cqrs::NhsMailAddress
