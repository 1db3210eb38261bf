#pragma once

#include "server-stub/service/LinkMail.h"
#include "server-stub/storage/UserStore.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace cqrs::stub {

class Backend;

// What a CQRS User Administrator does, through the admin API or the command line: set a user
// up (which emails the registration link), send a fresh link, unlock after failed sign-ins.
class Administration
{
    Q_DECLARE_TR_FUNCTIONS(Administration)

public:
    struct Created
    {
        enum class Kind { Created, Invalid, Exists };
        Kind kind = Kind::Invalid;
        QString problem; // plain English, when invalid
        User user;
        SentLink link;
    };

    explicit Administration(Backend &backend)
        : m_backend(backend)
    { }

    // `user` needs userId, displayName, email; organisation and role are optional.
    Created createUser(User user);
    // A new registration link; the old links stop working. std::nullopt for an unknown user.
    std::optional<SentLink> reinvite(const QString &userId);
    // False for an unknown user.
    bool unlock(const QString &userId);

    // Why these details cannot make a user; empty when they can.
    static QString problemWith(const User &user);

private:
    Backend &m_backend;
};

} // namespace cqrs::stub
