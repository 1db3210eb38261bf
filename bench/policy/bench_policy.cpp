// Prints how long the Password Policy's live rules take on a 32-character candidate (they run
// on every keystroke), in both profiles and with the common-password lookup on its own, and the
// time and peak memory of one Argon2id hash (every sign-in and password change pays it). Run:
// build/<preset>/bench/policy/bench_policy

#include "core/crypto/PasswordHasher.h"
#include "core/policy/CommonPasswords.h"
#include "core/policy/PasswordPolicy.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>

using namespace cqrs;

namespace {

template<typename F> double medianNanoseconds(int samples, int iterationsPerSample, F &&work)
{
    QList<double> perCall;
    for (int s = 0; s < samples; ++s) {
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < iterationsPerSample; ++i)
            work();
        perCall.append(double(timer.nsecsElapsed()) / iterationsPerSample);
    }
    std::sort(perCall.begin(), perCall.end());
    return perCall.at(perCall.size() / 2);
}

long peakRssKiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

} // namespace

int main()
{
    const QString candidate = QStringLiteral("Correct-Horse-Battery-Staple-9!x");
    const QString confirmation = candidate;
    const PasswordOwner owner {QStringLiteral("john.smith"), QStringLiteral("Dr Amelia Okafor"),
                               QStringLiteral("Riverside Surgery (A81001)")};
    volatile bool sink = false;
    // The first lookup loads the list; a person pays that once, before the first keystroke's
    // verdict, so it is reported apart from the per-keystroke figures.
    QElapsedTimer load;
    load.start();
    sink = isCommonPassword(candidate);
    std::printf("policy: loading the common passwords list: %.1f ms (once per process)\n",
                double(load.nsecsElapsed()) / 1e6);
    const double lookupNs = medianNanoseconds(
        101, 2000, [&] { sink = isCommonPassword(QStringLiteral("P@ssw0rd2024")); });
    std::printf("policy: common-password lookup alone: median %.2f us\n", lookupNs / 1000.0);
    // The seed's rules before the common-password and context-words rules, as a server that
    // predates them reports them: the same machine's baseline, whatever its load.
    QJsonObject original = PasswordPolicy().toJson();
    original.remove(QStringLiteral("rules"));
    const QList<std::pair<QString, PasswordPolicy>> policies {
        {QStringLiteral("seed, original rules only"), *PasswordPolicy::fromJson(original)},
        {QStringLiteral("seed"), *PasswordPolicy::named(u"seed")},
        {QStringLiteral("nist"), *PasswordPolicy::named(u"nist")}};
    for (const auto &[profile, policy] : policies) {
        // Clang 14 cannot capture a structured binding in a lambda (C++20 allows it).
        const PasswordPolicy &judged = policy;
        const double evaluateNs = medianNanoseconds(101, 2000, [&] {
            sink = judged.evaluate(owner, candidate, QStringView(confirmation)).passed();
        });
        std::printf("policy: live rules (%s) on a %lld-character candidate: median %.2f us "
                    "(target < 5 us)\n",
                    qPrintable(profile), static_cast<long long>(candidate.size()),
                    evaluateNs / 1000.0);
    }

    const PasswordHasher hasher;
    const Argon2Parameters p = hasher.parameters();
    const long rssBefore = peakRssKiB();
    QString phc;
    const double hashNs = medianNanoseconds(9, 1, [&] { phc = hasher.hash(candidate); });
    const long rssAfter = peakRssKiB();
    const double verifyNs = medianNanoseconds(9, 1, [&] { sink = hasher.verify(candidate, phc); });
    std::printf("hash: Argon2id m=%u KiB, t=%u, p=%u: median %.1f ms per hash, %.1f ms per verify, "
                "peak memory +%.1f MiB\n",
                p.memoryKiB, p.iterations, p.parallelism, hashNs / 1e6, verifyNs / 1e6,
                double(rssAfter - rssBefore) / 1024.0);
    return 0;
}
