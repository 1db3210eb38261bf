#pragma once

#include <QString>

// A throwaway certificate and key for 127.0.0.1 (PEM files in `folder`), made with the openssl
// command, for serving the stub over HTTPS in tests. False when openssl is missing or fails.
struct SelfSignedCertificate
{
    QString certificate;
    QString key;

    bool make(const QString &folder);
};
