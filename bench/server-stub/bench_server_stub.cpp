// Load figures for cqrs-server-stub on loopback (not a test: it prints, it does not judge):
//  1. GET /api/v1/password-policy at 64 concurrent keep-alive connections: req/s, p50, p99
//     (target >= 5,000 req/s, p99 < 10 ms on a 2-core machine);
//  2. sign-ins/s with 32 concurrent clients against the hash-bound limit, cores / one hash's
//     time, a hash timed as one sign-in alone on the idle server (target >= 85 %);
//  3. GET /api/v1/password-policy p99 while those 32 sign-ins run (target < 25 ms).
// Usage: bench_server_stub [--stub PATH] [--seconds N] [--stub-log FILE (its request log)]
// It starts its own stub (--dev, temporary database) on an ephemeral port.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>

#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

const std::string AdminKey = "bench-admin-key-0123456789";
const std::string UserId = "bench.user";
const std::string Password = "Correct-Horse-71";

struct Figures
{
    std::vector<double> latenciesMs;
    std::size_t failures = 0;
    std::string firstFailure; // what went wrong first, to tell a refusal from a dropped connection
};

// Empty when the request got `expected`; otherwise what happened instead.
std::string problem(const httplib::Result &result, int expected)
{
    if (!result)
        return "connection error " + httplib::to_string(result.error());
    if (result->status != expected)
        return "status " + std::to_string(result->status) + " " + result->body.substr(0, 120);
    return {};
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * double(values.size() - 1));
    return values[index];
}

// Runs `request` in `threads` threads, each with its own keep-alive connection, until `stop`,
// waiting `pause` between requests.
template<typename Request>
Figures hammer(int port, int threads, const std::atomic<bool> &stop, Request request,
               std::chrono::milliseconds pause = std::chrono::milliseconds(0))
{
    std::vector<Figures> perThread(static_cast<std::size_t>(threads));
    std::vector<std::thread> workers;
    workers.reserve(static_cast<std::size_t>(threads));
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            httplib::Client client("127.0.0.1", port);
            client.set_keep_alive(true);
            // Without it a POST's body waits for the server's delayed ACK of its headers.
            client.set_tcp_nodelay(true);
            client.set_read_timeout(30, 0);
            Figures &mine = perThread[static_cast<std::size_t>(t)];
            while (!stop.load()) {
                const auto start = Clock::now();
                const std::string failure = request(client);
                mine.latenciesMs.push_back(
                    std::chrono::duration<double, std::milli>(Clock::now() - start).count());
                if (!failure.empty() && mine.failures++ == 0)
                    mine.firstFailure = failure;
                std::this_thread::sleep_for(pause);
            }
        });
    }
    for (auto &worker : workers)
        worker.join();
    Figures all;
    for (const Figures &f : perThread) {
        all.latenciesMs.insert(all.latenciesMs.end(), f.latenciesMs.begin(), f.latenciesMs.end());
        all.failures += f.failures;
        if (all.firstFailure.empty())
            all.firstFailure = f.firstFailure;
    }
    return all;
}

std::string getPolicy(httplib::Client &client)
{
    return problem(client.Get("/api/v1/password-policy"), 200);
}

std::string signIn(httplib::Client &client)
{
    const std::string body = R"({"userId":")" + UserId + R"(","password":")" + Password + R"("})";
    return problem(client.Post("/api/v1/sessions", body, "application/json"), 201);
}

void runFor(int seconds, std::atomic<bool> &stop)
{
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    stop = true;
}

bool setUp(int port)
{
    httplib::Client client("127.0.0.1", port);
    const httplib::Headers admin {{"Authorization", "Bearer " + AdminKey}};
    const auto created = client.Post("/api/v1/admin/users", admin,
                                     R"({"userId":"bench.user","email":"bench.user@nhs.net",)"
                                     R"("displayName":"Bench User"})",
                                     "application/json");
    const auto outbox = client.Get("/dev/outbox");
    if (!created || created->status != 201 || !outbox)
        return false;
    const QJsonArray emails
        = QJsonDocument::fromJson(QByteArray::fromStdString(outbox->body)).array();
    const QString link
        = emails.last().toObject().value(QStringLiteral("links")).toArray().last().toString();
    const QString token = QUrlQuery(QUrl(link)).queryItemValue(QStringLiteral("token"));
    const auto registered
        = client.Post("/api/v1/registrations/" + token.toStdString(),
                      R"({"password":")" + Password + R"("})", "application/json");
    return registered && registered->status == 201;
}

// One hash's time as the server takes it: the median of sequential sign-ins on an otherwise
// idle server (one Argon2id verification each, plus a few hundred microseconds of HTTP and
// SQLite). The hash-bound limit is cores / that time.
double oneSignInSeconds(int port)
{
    httplib::Client client("127.0.0.1", port);
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);
    std::vector<double> times;
    for (int i = 0; i < 9; ++i) {
        const auto start = Clock::now();
        signIn(client);
        times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    return percentile(times, 0.5);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QString stubPath = QStringLiteral(CQRS_SERVER_STUB_PATH);
    QString stubLog = QProcess::nullDevice();
    int seconds = 5;
    const QStringList arguments = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < arguments.size(); i += 2) {
        if (arguments[i] == QLatin1String("--stub"))
            stubPath = arguments[i + 1];
        else if (arguments[i] == QLatin1String("--stub-log"))
            stubLog = arguments[i + 1];
        else if (arguments[i] == QLatin1String("--seconds"))
            seconds = std::max(1, arguments[i + 1].toInt());
    }

    QTemporaryDir dir;
    QProcess stub;
    stub.setStandardErrorFile(stubLog);
    stub.start(stubPath,
               {QStringLiteral("serve"), QStringLiteral("--db"),
                dir.filePath(QStringLiteral("bench.sqlite")), QStringLiteral("--listen"),
                QStringLiteral("127.0.0.1:0"), QStringLiteral("--admin-key"),
                QString::fromStdString(AdminKey), QStringLiteral("--dev")});
    int port = 0;
    static const QRegularExpression listening(QStringLiteral("listening on http://[^:]+:(\\d+)"));
    QByteArray out;
    while (port == 0 && stub.waitForReadyRead(10000)) {
        out += stub.readAllStandardOutput();
        port = listening.match(QString::fromUtf8(out)).captured(1).toInt();
    }
    if (port == 0 || !setUp(port)) {
        std::fprintf(stderr, "could not start or set up %s\n", qPrintable(stubPath));
        return 1;
    }
    std::printf("cqrs-server-stub on port %d, %d s per phase, %d cores\n", port, seconds,
                QThread::idealThreadCount());

    {
        std::atomic<bool> stop {false};
        std::thread timer(runFor, seconds, std::ref(stop));
        const Figures policy = hammer(port, 64, stop, getPolicy);
        timer.join();
        std::printf("GET /api/v1/password-policy, 64 connections: %.0f req/s, p50 %.2f ms, "
                    "p99 %.2f ms, %zu failed  (target >= 5000 req/s, p99 < 10 ms)\n",
                    double(policy.latenciesMs.size()) / seconds,
                    percentile(policy.latenciesMs, 0.5), percentile(policy.latenciesMs, 0.99),
                    policy.failures);
        if (!policy.firstFailure.empty())
            std::printf("  first failure: %s\n", policy.firstFailure.c_str());
    }

    // Other processes share the machine: measure one hash before and after, take the mean.
    const double hashBefore = oneSignInSeconds(port);
    {
        std::atomic<bool> stop {false};
        Figures signIns;
        Figures policy;
        std::thread load([&] { signIns = hammer(port, 32, stop, signIn); });
        // Let the sign-in queue fill before measuring the light requests beside it.
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        // A light client at about 200 requests/s: it measures latency without itself
        // taking the CPU the sign-ins need.
        std::thread light(
            [&] { policy = hammer(port, 1, stop, getPolicy, std::chrono::milliseconds(5)); });
        runFor(seconds, stop);
        load.join();
        light.join();
        const double rate = double(signIns.latenciesMs.size()) / (seconds + 0.3);
        const double hash = (hashBefore + oneSignInSeconds(port)) / 2;
        const double limit = QThread::idealThreadCount() / hash;
        std::printf("sign-ins, 32 concurrent: %.1f/s, hash-bound limit %.1f/s (%d cores, one hash "
                    "%.0f ms): %.0f %%, %zu failed  (target >= 85 %%)\n",
                    rate, limit, QThread::idealThreadCount(), 1000 * hash, 100 * rate / limit,
                    signIns.failures);
        if (!signIns.firstFailure.empty())
            std::printf("  first sign-in failure: %s\n", signIns.firstFailure.c_str());
        std::printf("GET /api/v1/password-policy during those sign-ins: p50 %.2f ms, p99 %.2f ms "
                    "over %zu requests  (target p99 < 25 ms)\n",
                    percentile(policy.latenciesMs, 0.5), percentile(policy.latenciesMs, 0.99),
                    policy.latenciesMs.size());
    }

    stub.terminate();
    stub.waitForFinished(10000);
    return 0;
}
