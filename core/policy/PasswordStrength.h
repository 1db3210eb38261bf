#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace cqrs {

// How hard a password would be to guess, estimated by zxcvbn: guidance shown under the field,
// never a rule (docs/passwords.md).
struct PasswordStrength
{
    Q_DECLARE_TR_FUNCTIONS(PasswordStrength)

public:
    enum class Level { None, VeryWeak, Weak, Fair, Strong };

    Level level = Level::None;
    double bits = 0; // zxcvbn's entropy estimate
    QString summary; // "Weak — could be guessed in hours"
    QString tip; // one concrete suggestion from what zxcvbn found; may be empty

    // `userWords`: the User ID, name and organisation, which an attacker would try first.
    static PasswordStrength estimate(const QString &password, const QStringList &userWords);
    static QString levelName(Level level);
};

} // namespace cqrs
