package dev.akguard.console;

import dev.akguard.console.auth.Accounts;
import dev.akguard.console.auth.PasswordHasher;
import dev.akguard.console.auth.Role;
import dev.akguard.console.web.ConsoleMetrics;
import dev.akguard.core.Engine;
import dev.akguard.core.finding.Secret;
import dev.akguard.monitor.alibaba.AdminCredentials;
import dev.akguard.monitor.alibaba.AlibabaEndpoint;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubClient;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.retry.Sleeper;
import dev.akguard.monitor.runtime.AfterCycle;
import dev.akguard.monitor.runtime.IntegrationConfig;
import dev.akguard.monitor.runtime.MonitorRuntime;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.RecordOutcome;
import dev.akguard.monitor.store.Sighting;
import dev.akguard.monitor.store.WorkStore;
import dev.akguard.monitor.verify.DetectionVerifier;
import dev.akguard.monitor.watch.WatchSettings;
import dev.akguard.monitor.watch.Watcher;
import dev.akguard.testkit.alibaba.AlibabaCloudEmulator;
import dev.akguard.testkit.alibaba.EmulatedAccount;
import dev.akguard.testkit.alibaba.EmulatedKey;
import dev.akguard.testkit.github.GitHubEmulator;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A running console over emulators: GitHub and Alibaba Cloud on loopback, a store (SQLite file or a
 * PostgreSQL schema), the watcher loop fed by webhooks, and one user and one API token per role.
 */
public final class ConsoleFixture implements AutoCloseable {
    public static final String PASSWORD = "correct horse battery staple";
    public static final String WEBHOOK_SECRET = "webhook-secret-for-tests";

    public final GitHubEmulator gh;
    public final AlibabaCloudEmulator ali;
    public final EmulatedAccount account;
    public final Database db;
    public final MonitorRuntime runtime;
    public final ConsoleApp app;
    public final String base;
    public final Map<Role, String> tokens = new EnumMap<>(Role.class);
    public final Accounts accounts;

    public static Builder builder(String jdbcUrl) {
        return new Builder(jdbcUrl);
    }

    public static final class Builder {
        final String jdbcUrl;
        boolean watch = true;
        List<String> trustedProxies = List.of();
        String ssoHeader;
        String webhookSecret = WEBHOOK_SECRET;

        Builder(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
        }

        public Builder noWatch() {
            watch = false;
            return this;
        }

        public Builder sso(String header, String proxy) {
            ssoHeader = header;
            trustedProxies = List.of(proxy);
            return this;
        }

        public Builder webhookSecret(String s) {
            webhookSecret = s;
            return this;
        }

        public ConsoleFixture start() throws Exception {
            return new ConsoleFixture(this);
        }
    }

    private ConsoleFixture(Builder b) throws Exception {
        gh = GitHubEmulator.start();
        ali = AlibabaCloudEmulator.start();
        account = ali.addAccount();
        EmulatedKey admin = account.addUser("security-admin").addKey();
        db = Database.open(b.jdbcUrl);
        Clock clock = Clock.systemUTC();
        GitHubClient client = GitHubClient.builder(gh.baseUrl()).build();
        runtime =
                new MonitorRuntime(
                        db,
                        new GitHubApi(client),
                        Engine.defaults(),
                        AlibabaEndpoint.override(ali.url()),
                        () -> new AdminCredentials(admin.id(), admin.secret(), null, "test"),
                        IntegrationConfig.defaults(),
                        Backoff.jittered(2, Duration.ofMillis(5), Duration.ofMillis(10)),
                        Duration.ofSeconds(5),
                        clock);
        PasswordHasher hasher = new PasswordHasher(4);
        accounts = new Accounts(db, hasher, clock);
        for (Role r : Role.values()) {
            accounts.addUser(r.json(), r, PASSWORD);
            tokens.put(r, accounts.createToken(r.json() + "-token", r));
        }
        ConsoleMetrics metrics = new ConsoleMetrics();
        WatcherLoop loop = null;
        if (b.watch) {
            WatchSettings ws = WatchSettings.defaults(List.of());
            Watcher watcher =
                    new Watcher(
                            ws,
                            new GitHubApi(client),
                            db,
                            Engine.defaults(),
                            clock,
                            Sleeper.SYSTEM);
            DetectionVerifier detection = runtime.detectionVerifier();
            watcher.addListener(detection);
            loop =
                    new WatcherLoop(
                            watcher,
                            new AfterCycle(runtime, detection, true),
                            ws,
                            new WorkStore(db),
                            clock,
                            metrics);
        }
        ConsoleSettings settings =
                new ConsoleSettings(
                        "127.0.0.1",
                        0,
                        null,
                        null,
                        b.trustedProxies,
                        b.ssoHeader,
                        b.webhookSecret,
                        false);
        app =
                new ConsoleApp(runtime, loop, settings, hasher, metrics, Duration.ofSeconds(10))
                        .start();
        base = "http://127.0.0.1:" + app.port();
    }

    /**
     * Records a sighting straight into the store (what the watcher would), for pages and API tests.
     */
    public long record(String accessKeyId, String repo, String path, int line, String author) {
        String fakeSecret = randomAlnum(30);
        String commit = Secret.sha256Hex(repo + path + line).substring(0, 40);
        Sighting s =
                new Sighting(
                        accessKeyId,
                        Secret.redact(fakeSecret),
                        Secret.sha256Hex(fakeSecret),
                        repo,
                        path,
                        line,
                        commit,
                        author,
                        gh.baseUrl() + "/" + repo + "/blob/" + commit + "/" + path + "#L" + line,
                        Instant.now(),
                        "test");
        RecordOutcome o =
                db.transactionUninterruptibly(
                        c -> new AlertStore(db, Clock.systemUTC()).record(c, s));
        return o.alertId();
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key-shaped identifier assembled at run time (never a literal key in the sources). */
    public static String accessKeyId() {
        return "LTAI" + "5t" + randomAlnum(18);
    }

    static String randomAlnum(int n) {
        String abc = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(abc.charAt(RANDOM.nextInt(abc.length())));
        return b.toString();
    }

    @Override
    public void close() {
        app.close();
        db.close();
        gh.close();
        ali.close();
    }
}
