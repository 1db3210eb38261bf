#pragma once

#include <QUrl>

namespace cqrs {

// The one rule for every address the app sends passwords, sessions or tokens to: https, or
// plain http only to this machine (a local server-stub or test provider), never over a network.
bool isSecureOrLoopback(const QUrl &url);

// "localhost" or a loopback address.
bool isLoopbackHost(const QString &host);

} // namespace cqrs
