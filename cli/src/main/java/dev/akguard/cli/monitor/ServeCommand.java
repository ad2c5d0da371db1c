package dev.akguard.cli.monitor;

import dev.akguard.cli.common.UserException;
import dev.akguard.console.ConsoleApp;
import dev.akguard.console.ConsoleConfig;
import dev.akguard.console.ConsoleSettings;
import dev.akguard.console.WatcherLoop;
import dev.akguard.console.auth.PasswordHasher;
import dev.akguard.console.web.ConsoleMetrics;
import dev.akguard.core.Engine;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubClient;
import dev.akguard.monitor.github.RateLimit;
import dev.akguard.monitor.retry.Sleeper;
import dev.akguard.monitor.runtime.AfterCycle;
import dev.akguard.monitor.runtime.MonitorRuntime;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.StoreException;
import dev.akguard.monitor.store.WorkStore;
import dev.akguard.monitor.watch.Source;
import dev.akguard.monitor.watch.WatchSettings;
import dev.akguard.monitor.watch.Watcher;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code akguard monitor serve}: watcher + dispatcher + web console + REST API + GitHub webhooks in
 * one process.
 */
@Command(
        name = "serve",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Run the security console: the web console and REST API (/api/v1), GitHub webhooks (/github/webhook), "
                    + "/healthz and /metrics, plus the watcher of the config file's \"watch\" sources and the notification dispatcher "
                    + "(unless --no-watch). Several instances can share one PostgreSQL database.",
            "Sign-in accounts come from `akguard monitor users`; API tokens from `akguard monitor tokens`. The webhook secret comes "
                    + "from AKGUARD_GITHUB_WEBHOOK_SECRET, the TLS keystore password from AKGUARD_TLS_KEYSTORE_PASSWORD (never flags).",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  akguard monitor serve                                  # http://127.0.0.1:8080/",
            "  akguard monitor serve --listen 0.0.0.0:8443 --tls-keystore /etc/akguard/console.p12",
            "  akguard monitor serve --config monitor.json --db 'jdbc:postgresql://db/akguard?user=akguard'",
            "",
            "See docs/monitor/console.md (reverse proxy, SSO header, webhooks, systemd, container)."
        })
public final class ServeCommand implements Callable<Integer> {
    static final String KEYSTORE_PASSWORD_ENV = "AKGUARD_TLS_KEYSTORE_PASSWORD";

    @Spec CommandSpec spec;

    @Mixin MonitorOptions monitor;

    @Option(
            names = "--listen",
            paramLabel = "HOST:PORT",
            description =
                    "Where to listen (default: the config's console.listen, else "
                            + ConsoleSettings.DEFAULT_LISTEN
                            + "; 0.0.0.0:8080 for every interface).")
    String listen;

    @Option(
            names = "--no-watch",
            description =
                    "Do not run the watcher and dispatcher here (another instance on the same database does).")
    boolean noWatch;

    @Option(
            names = "--no-verify",
            description =
                    "Record alerts without checking the keys against Alibaba Cloud (as `watch --no-verify`).")
    boolean noVerify;

    @Option(
            names = "--tls-keystore",
            paramLabel = "FILE",
            description =
                    "Serve HTTPS with this PKCS12 or JKS keystore (password from "
                            + KEYSTORE_PASSWORD_ENV
                            + "). Without it: plain HTTP, for loopback or behind a TLS-terminating reverse proxy.")
    Path keystore;

    @Option(
            names = "--trusted-proxy",
            paramLabel = "IP",
            description =
                    "A reverse proxy's address whose X-Forwarded-For and SSO header "
                            + "are believed (repeatable; adds to the config's console.trustedProxies).")
    List<String> trustedProxies = new ArrayList<>();

    @Option(
            names = "--sso-header",
            paramLabel = "NAME",
            description =
                    "Header with the signed-in user's name, set by a trusted proxy "
                            + "(e.g. X-Forwarded-User); the user must exist in `monitor users`.")
    String ssoHeader;

    @Option(
            names = "--secure-cookies",
            description =
                    "Mark cookies Secure although this process speaks HTTP (a TLS proxy is in front). "
                            + "On by itself with --tls-keystore.")
    boolean secureCookies;

    @Override
    public Integer call() throws Exception {
        WatchCommand.oneLineLogs();
        ConsoleConfig config = ConsoleConfig.of(monitor.monitorConfig().console);
        WatchSettings watch = monitor.monitorConfig().watchSettings();
        ConsoleSettings settings = settings(config);
        GitHubClient client = monitor.githubClient();
        if (watch.sources().stream().anyMatch(s -> s.kind() == Source.Kind.SEARCH)
                && !client.hasToken()) {
            throw new UserException(
                    "the config's code-search sweep needs a token: set GITHUB_TOKEN, or remove watch.search");
        }
        Database db = monitor.database();
        MonitorRuntime runtime = MonitorRuntimes.open(monitor, db);
        ConsoleMetrics metrics = new ConsoleMetrics();
        metrics.rateLimit(
                resource -> {
                    RateLimit l = client.rateLimit(resource);
                    return l == null ? null : l.remaining();
                });
        WatcherLoop loop = null;
        if (!noWatch) {
            Watcher watcher =
                    new Watcher(
                            watch,
                            new GitHubApi(client),
                            db,
                            Engine.defaults(),
                            Clock.systemUTC(),
                            Sleeper.SYSTEM);
            AfterCycle after = WatchIntegration.attach(watcher, monitor, db, !noVerify);
            loop =
                    new WatcherLoop(
                            watcher, after, watch, new WorkStore(db), Clock.systemUTC(), metrics);
        }
        PrintWriter err = spec.commandLine().getErr();
        ConsoleApp app;
        try {
            app =
                    new ConsoleApp(
                                    runtime,
                                    loop,
                                    settings,
                                    new PasswordHasher(),
                                    metrics,
                                    Duration.ofSeconds(30))
                            .start();
        } catch (StoreException e) {
            throw new UserException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new UserException(
                    "cannot start the console on "
                            + settings.host()
                            + ":"
                            + settings.port()
                            + ": "
                            + e.getMessage(),
                    e);
        }
        if (AccountsAccess.run(() -> AccountsAccess.open(monitor).users()).isEmpty()) {
            err.println(
                    "akguard: no console users yet: add one with `akguard monitor users add NAME --role admin`");
        }
        if (settings.webhookSecret() == null) {
            err.println(
                    "akguard: GitHub webhooks are off: set "
                            + config.webhookSecretEnv()
                            + " to the webhook's secret to accept them");
        }
        err.println(
                "akguard: console on "
                        + (settings.tls() ? "https" : "http")
                        + "://"
                        + settings.host()
                        + ":"
                        + app.port()
                        + "/ (database "
                        + db.redactedUrl()
                        + (noWatch
                                ? ", no watcher"
                                : ", watching "
                                        + watch.sources().size()
                                        + " source(s) and webhooks")
                        + ")");
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    app.close();
                                    stopped.countDown();
                                },
                                "akguard-serve-stop"));
        stopped.await();
        return 0;
    }

    private ConsoleSettings settings(ConsoleConfig config) {
        String[] hostPort;
        try {
            hostPort =
                    ConsoleSettings.parseListen(
                            listen != null
                                    ? listen
                                    : config.listen() != null
                                            ? config.listen()
                                            : ConsoleSettings.DEFAULT_LISTEN);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
        char[] password = null;
        if (keystore != null) {
            if (!Files.isReadable(keystore))
                throw new UserException("--tls-keystore: cannot read " + keystore);
            String pw = System.getenv(KEYSTORE_PASSWORD_ENV);
            if (pw == null)
                throw new UserException(
                        "--tls-keystore needs the keystore password in " + KEYSTORE_PASSWORD_ENV);
            password = pw.toCharArray();
        }
        List<String> proxies = new ArrayList<>(config.trustedProxies());
        proxies.addAll(trustedProxies);
        String header = ssoHeader != null ? ssoHeader : config.ssoHeader();
        if (header != null && proxies.isEmpty()) {
            throw new UserException(
                    "--sso-header needs --trusted-proxy (the header is believed only from the proxy's address)");
        }
        String secret = System.getenv(config.webhookSecretEnv());
        return new ConsoleSettings(
                hostPort[0],
                Integer.parseInt(hostPort[1]),
                keystore,
                password,
                proxies,
                header,
                secret == null || secret.isEmpty() ? null : secret,
                keystore != null || secureCookies || config.secureCookies());
    }
}
