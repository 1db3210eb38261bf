#pragma once

#include <QString>

#include <optional>

namespace cqrs::stub {

class Database;

// A person at an identity provider: the id_token's "iss" and "sub". Unlike the email, which
// NHSmail can change or hand to someone else, the pair never names anybody else.
struct NhsMailIdentity
{
    QString issuer;
    QString subject;
};

struct NhsMailBinding
{
    NhsMailIdentity identity;
    qint64 linkedAtMs = 0;
};

// Which NHSmail identity each CQRS user signs in with, fixed at their first NHSmail sign-in.
// A user has at most one, and an identity belongs to at most one user.
class NhsMailBindings
{
public:
    explicit NhsMailBindings(const Database &database);

    std::optional<QString> userBoundTo(const NhsMailIdentity &identity) const;
    std::optional<NhsMailBinding> bindingOf(const QString &userId) const;

    // False, changing nothing, when the user or the identity is bound already.
    bool bind(const QString &userId, const NhsMailIdentity &identity, qint64 nowMs) const;
    // An administrator's undo: the user's next NHSmail sign-in binds afresh. False when unbound.
    bool unlink(const QString &userId) const;

private:
    const Database &m_database;
};

} // namespace cqrs::stub
