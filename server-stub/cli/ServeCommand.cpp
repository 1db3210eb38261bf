#include "server-stub/cli/Commands.h"
#include "server-stub/http/HttpServer.h"
#include "server-stub/routes/ApiRoutes.h"

#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <thread>

namespace cqrs::stub::Commands {

namespace {

// "127.0.0.1:8080", "[::1]:8080", "0.0.0.0:0".
bool parseListen(const QString &text, HttpSettings &settings)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const int port = text.mid(colon + 1).toInt(&ok);
    if (!ok || port < 0 || port > 65535 || host.isEmpty())
        return false;
    settings.host = host;
    settings.port = port;
    return true;
}

// SIGINT and SIGTERM stop the server cleanly: requests in flight finish, then main returns.
// The signals are blocked before any thread starts (threads inherit the mask) and taken by one
// waiting thread, because nothing else is safe to do inside a signal handler.
sigset_t blockStopSignals()
{
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    return stopSignals;
}

std::thread stopOnSignal(HttpServer &server, sigset_t stopSignals)
{
    return std::thread([&server, stopSignals] {
        int received = 0;
        sigwait(&stopSignals, &received);
        std::fputs("stopping\n", stdout);
        std::fflush(stdout);
        server.stop();
    });
}

} // namespace

int serve(const CommandLine &line)
{
    QTextStream err(stderr);
    QString error;
    std::optional<BackendSettings> settings = backendSettings(line, &error);
    HttpSettings http;
    const auto workers = line.number(QStringLiteral("workers"), http.workers, 4, 4096, &error);
    if (!settings || !workers) {
        err << error << Qt::endl;
        return 2;
    }
    http.workers = int(*workers);
    if (!parseListen(line.value(QStringLiteral("listen"), QStringLiteral("127.0.0.1:8080")),
                     http)) {
        err << "--listen must be HOST:PORT, for example 127.0.0.1:8080 (port 0: any free port)."
            << Qt::endl;
        return 2;
    }
    http.tlsCertificate = line.value(QStringLiteral("tls-cert"));
    http.tlsKey = line.value(QStringLiteral("tls-key"));
    if (http.tlsCertificate.isEmpty() != http.tlsKey.isEmpty()) {
        err << "--tls-cert and --tls-key go together: give the certificate and its private key "
               "as PEM files."
            << Qt::endl;
        return 2;
    }

    const std::optional<QString> adminKey = Commands::adminKey(line, &error);
    if (!adminKey) {
        err << error << Qt::endl;
        return 2;
    }
    const QString trustIssuer = line.value(QStringLiteral("trust-issuer"));
    const QString trustAudience = line.value(QStringLiteral("trust-audience"));
    if (trustIssuer.isEmpty() != trustAudience.isEmpty()) {
        err << "--trust-issuer and --trust-audience go together: give the provider's issuer URL "
               "and the client id its tokens are issued to."
            << Qt::endl;
        return 2;
    }
    const sigset_t stopSignals = blockStopSignals();
    Backend backend(*settings);
    // Only `serve` may: the other commands run beside a server whose attempts are real.
    backend.throttle().forgetAttemptsInProgress();
    const SsoSwitches sso {line.flag(QStringLiteral("idp")), line.flag(QStringLiteral("dev")),
                           trustIssuer, trustAudience};
    Router router;
    const RouteContext context {backend, *adminKey, sso.dev, singleSignOn(router, backend, sso)};
    addApiRoutes(router, context);

    http.publicUrl = backend.settings().publicUrl;
    HttpServer server(http, router);
    server.bind();
    if (server.isPlainHttpOnNetwork()) {
        std::fprintf(stderr,
                     "WARNING: serving plain HTTP on %s: anyone on that network can read the "
                     "passwords and tokens sent to this server. Listen on 127.0.0.1, or give "
                     "--tls-cert and --tls-key.\n",
                     qPrintable(http.host));
    }
    if (backend.settings().publicUrl.isEmpty())
        backend.setPublicUrl(server.url());
    // Made before the first request, so no worker ever waits for it.
    backend.hashing().dummyHash();

    std::printf("database: %s\noutbox: %s\nadmin API: %s\ndev endpoints: %s\n",
                qPrintable(backend.database().path()), qPrintable(backend.outbox().directory()),
                adminKey->isEmpty() ? "off (no --admin-key-file, --admin-key or CQRS_ADMIN_KEY)"
                                    : "on",
                context.dev ? "on" : "off");
    if (sso.idp)
        std::printf("identity provider: %s/idp\n", qPrintable(backend.settings().publicUrl));
    // Tests and scripts wait for exactly this line: keep its format.
    std::printf("listening on %s\n", qPrintable(server.url()));
    std::fflush(stdout);

    std::thread signalThread = stopOnSignal(server, stopSignals);
    server.run();
    signalThread.join();
    return 0;
}

} // namespace cqrs::stub::Commands
