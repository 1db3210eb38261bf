#include "server-stub/service/PasswordSetter.h"

#include "server-stub/service/AccountNotices.h"
#include "server-stub/service/Backend.h"

namespace cqrs::stub {

PasswordSetter::Outcome PasswordSetter::set(const User &user, QStringView candidate,
                                            PasswordChange change, const AlsoCommit &alsoCommit)
{
    const PasswordPolicy &policy = m_backend.policy();
    const PasswordRecord record = m_backend.users().passwordRecord(user, policy.historyCount);
    PolicyVerdict verdict = policy.evaluate(
        PasswordOwner {user.userId, user.displayName, user.organisation}, candidate);

    Outcome outcome;
    // One hashing slot for the whole judgement and the new hash: they run back to back anyway.
    const QString newHash = m_backend.hashing().run([&](const PasswordHasher &hasher) {
        const ServerRulesVerdict server
            = evaluateServerRules(policy, candidate, record, change, m_backend.clock().now(),
                                  [&hasher](QStringView password, QStringView stored) {
                                      return hasher.verify(password, stored);
                                  });
        verdict.append(server.verdicts);
        outcome.nextChangeAllowedAt = server.nextChangeAllowedAt;
        return verdict.passed() ? hasher.hash(candidate) : QString();
    });

    if (!verdict.passed()) {
        outcome.violations = verdict.violationIds();
        QStringList reasons;
        for (const RuleVerdict &rule : verdict.verdicts()) {
            if (!rule.passed)
                reasons.append(rule.message);
        }
        outcome.message = tr("This password cannot be used: %1. Choose another password.")
                              .arg(reasons.join(QStringLiteral("; ")));
        return outcome;
    }

    const qint64 now = m_backend.clock().nowMs();
    Transaction transaction(m_backend.database());
    if (!m_backend.users().replacePassword(user, record.currentHash, newHash, now,
                                           policy.historyCount)
        || !alsoCommit(now)) {
        outcome.kind = Outcome::Kind::Conflict;
        return outcome;
    }
    m_backend.throttle().clear(user.userId);
    transaction.commit();
    AccountNotices(m_backend).passwordChanged(user, change);
    outcome.kind = Outcome::Kind::Accepted;
    return outcome;
}

} // namespace cqrs::stub
