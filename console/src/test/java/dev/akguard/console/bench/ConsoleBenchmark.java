package dev.akguard.console.bench;

import dev.akguard.console.ConsoleFixture;
import dev.akguard.console.Http;
import dev.akguard.console.webhook.GitHubSignature;
import dev.akguard.monitor.store.Database;
import dev.akguard.testkit.fixtures.PostgresSchema;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Console speed on a large store (not a test): 10,000 alerts with 100,000 occurrences, then
 * p50/p95/p99 of the leak list (default, filtered, searched, deep page) and of the detail page over
 * HTTP on loopback, REST list, webhook deliveries per second (signed push deliveries, 8 senders),
 * and used heap after GC across a soak of mixed requests.
 *
 * <pre>
 * mvn -B -q -pl console -am -Pbench test -DskipTests [-Dbench.store=postgres] [-Dbench.soak=100000]
 * </pre>
 */
public final class ConsoleBenchmark {
    private static final int ALERTS = 10_000;
    private static final int OCCURRENCES = 100_000;

    public static void main(String[] args) throws Exception {
        // one log line per request would measure the console's stderr, not the console
        java.util.logging.Logger.getLogger("dev.akguard.console.access")
                .setLevel(java.util.logging.Level.WARNING);
        String store = args.length > 0 ? args[0] : "sqlite";
        int soak = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path tmp = Files.createTempDirectory("akguard-console-bench");
        PostgresSchema pg = store.equals("postgres") ? new PostgresSchema() : null;
        String url = pg != null ? pg.url() : "jdbc:sqlite:" + tmp.resolve("bench.db");
        try (Database seed = Database.open(url)) {
            long t0 = System.nanoTime();
            seed(seed);
            System.out.printf(
                    "store %s: seeded %,d alerts and %,d occurrences in %.1f s%n",
                    store, ALERTS, OCCURRENCES, (System.nanoTime() - t0) / 1e9);
        }
        try (ConsoleFixture f = ConsoleFixture.builder(url).noWatch().start()) {
            Http s = new Http(f.base);
            if (s.login("viewer", ConsoleFixture.PASSWORD).statusCode() != 303)
                throw new IllegalStateException("login failed");
            Http api = new Http(f.base).bearer(f.tokens.get(dev.akguard.console.auth.Role.VIEWER));
            Random r = new Random(1);
            for (int i = 0; i < 200; i++) {
                s.get("/alerts?page=" + (1 + r.nextInt(200)));
                s.get("/alerts/" + (1 + r.nextInt(ALERTS)));
            } // warm-up
            report("list page 1 (50 rows)", measure(300, i -> s.get("/alerts")));
            report(
                    "list, random page",
                    measure(300, i -> s.get("/alerts?page=" + (1 + r.nextInt(200)))));
            report(
                    "list, status+validity filter",
                    measure(300, i -> s.get("/alerts?status=unhandled&validity=VALID")));
            report(
                    "list, organisation filter",
                    measure(300, i -> s.get("/alerts?repo=org" + r.nextInt(100))));
            report("list, search", measure(100, i -> s.get("/alerts?q=file" + r.nextInt(10_000))));
            report(
                    "list, sort by first seen asc",
                    measure(300, i -> s.get("/alerts?sort=first_seen&order=asc")));
            report(
                    "detail page (10 occurrences)",
                    measure(500, i -> s.get("/alerts/" + (1 + r.nextInt(ALERTS)))));
            report("API list (50 full alerts)", measure(100, i -> api.get("/api/v1/alerts")));
            report(
                    "API one alert",
                    measure(300, i -> api.get("/api/v1/alerts/" + (1 + r.nextInt(ALERTS)))));
            webhooks(f, 5_000);
            soak(f, s, soak);
        } finally {
            if (pg != null) pg.close();
        }
    }

    interface Call {
        HttpResponse<String> run(int i) throws Exception;
    }

    private static long[] measure(int n, Call c) throws Exception {
        long[] ns = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            HttpResponse<String> resp = c.run(i);
            ns[i] = System.nanoTime() - t;
            if (resp.statusCode() != 200)
                throw new IllegalStateException("HTTP " + resp.statusCode() + ": " + resp.body());
        }
        Arrays.sort(ns);
        return ns;
    }

    private static void report(String what, long[] sorted) {
        System.out.printf(
                "  %-32s p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   (n=%d)%n",
                what, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.length);
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)]
                / 1e6;
    }

    private static void webhooks(ConsoleFixture f, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger accepted = new AtomicInteger();
        List<Future<?>> all = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < 8; t++) {
            int worker = t;
            all.add(
                    pool.submit(
                            () -> {
                                Http h = new Http(f.base);
                                for (int i = worker; i < n; i += 8) {
                                    String body =
                                            "{\"ref\":\"refs/heads/main\",\"before\":\""
                                                    + "a".repeat(40)
                                                    + "\",\"after\":\""
                                                    + String.format("%040x", i)
                                                    + "\",\"repository\":{\"full_name\":\"org"
                                                    + (i % 100)
                                                    + "/repo"
                                                    + i
                                                    + "\"},\"pusher\":{\"name\":\"dev\"}}";
                                    byte[] raw = body.getBytes(StandardCharsets.UTF_8);
                                    HttpResponse<String> resp =
                                            h.postBytes(
                                                    "/github/webhook",
                                                    raw,
                                                    "X-GitHub-Event",
                                                    "push",
                                                    "X-GitHub-Delivery",
                                                    "bench-" + i,
                                                    GitHubSignature.HEADER,
                                                    GitHubSignature.sign(
                                                            ConsoleFixture.WEBHOOK_SECRET, raw));
                                    if (resp.statusCode() == 202) accepted.incrementAndGet();
                                }
                                return null;
                            }));
        }
        for (Future<?> x : all) x.get();
        double s = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        System.out.printf(
                "  webhook intake: %,d signed push deliveries in %.2f s = %,.0f deliveries/s (%d queued, 8 senders)%n",
                n, s, n / s, accepted.get());
    }

    private static void soak(ConsoleFixture f, Http s, int n) throws Exception {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        Random r = new Random(2);
        int step = Math.max(1, n / 10);
        StringBuilder line =
                new StringBuilder("  soak: used heap after GC (MB) every " + step + " requests:");
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(10);
            HttpResponse<String> resp =
                    k < 4
                            ? s.get("/alerts?page=" + (1 + r.nextInt(200)))
                            : k < 8
                                    ? s.get("/alerts/" + (1 + r.nextInt(ALERTS)))
                                    : k < 9
                                            ? s.get("/live")
                                            : s.get(
                                                    "/api/v1/alerts/" + (1 + r.nextInt(ALERTS)),
                                                    "Authorization",
                                                    "Bearer "
                                                            + f.tokens.get(
                                                                    dev.akguard.console.auth.Role
                                                                            .VIEWER));
            if (resp.statusCode() != 200)
                throw new IllegalStateException("HTTP " + resp.statusCode());
            if (i % step == 0) {
                System.gc();
                line.append(' ').append(mem.getHeapMemoryUsage().getUsed() / (1024 * 1024));
            }
        }
        System.gc();
        line.append(' ').append(mem.getHeapMemoryUsage().getUsed() / (1024 * 1024));
        System.out.println(
                line
                        + String.format(
                                "  (%,d requests in %.0f s; server and client share this JVM)",
                                n, (System.nanoTime() - t0) / 1e9));
    }

    /**
     * 10,000 alerts in 100 organisations, 10 occurrences and 2 history lines each; a third
     * unhandled, a fifth VALID.
     */
    private static void seed(Database db) {
        Random r = new Random(7);
        long now = System.currentTimeMillis();
        db.transactionUninterruptibly(
                c -> {
                    try (PreparedStatement a =
                                    c.prepareStatement(
                                            "INSERT INTO alerts (id, access_key_id, secret_sha256, secret_redacted, status, handling_method, "
                                                    + "validity, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                            PreparedStatement o =
                                    c.prepareStatement(
                                            "INSERT INTO occurrences (alert_id, repo, path, line, commit_sha, author, url, source, seen_at) "
                                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, 'bench', ?)");
                            PreparedStatement h =
                                    c.prepareStatement(
                                            "INSERT INTO history (alert_id, at, by_user, action, note) VALUES (?, ?, ?, ?, ?)")) {
                        String[] validity = {
                            "VALID", "INVALID", "DISABLED", "UNKNOWN", "UNVERIFIED"
                        };
                        for (int i = 1; i <= ALERTS; i++) {
                            long first = now - (long) r.nextInt(30 * 24 * 3600) * 1000L;
                            int st = i % 3;
                            a.setLong(1, i);
                            a.setString(2, "LTAI" + "5t" + String.format("%018d", i));
                            a.setString(3, String.format("%064x", i));
                            a.setString(4, "abc…");
                            a.setString(
                                    5, st == 0 ? "UNHANDLED" : st == 1 ? "HANDLED" : "WHITELISTED");
                            a.setString(6, st == 0 ? null : st == 1 ? "DISABLED" : "WHITELIST");
                            a.setString(7, validity[i % 5]);
                            a.setLong(8, first);
                            a.setLong(9, first + r.nextInt(3_600_000));
                            a.addBatch();
                            for (int j = 0; j < OCCURRENCES / ALERTS; j++) {
                                int n = i * 10 + j;
                                String repo = "org" + (i % 100) + "/repo" + (n % 1000);
                                String sha = String.format("%040x", n);
                                o.setLong(1, i);
                                o.setString(2, repo);
                                o.setString(3, "src/config/file" + n + ".properties");
                                o.setInt(4, 1 + j);
                                o.setString(5, sha);
                                o.setString(6, "dev" + (n % 500));
                                o.setString(
                                        7,
                                        "https://github.com/"
                                                + repo
                                                + "/blob/"
                                                + sha
                                                + "/src/config/file"
                                                + n
                                                + ".properties#L"
                                                + (1 + j));
                                o.setLong(8, first + j);
                                o.addBatch();
                            }
                            h.setLong(1, i);
                            h.setLong(2, first);
                            h.setString(3, "akguard-watch");
                            h.setString(4, "created");
                            h.setString(5, "first seen");
                            h.addBatch();
                            h.setLong(1, i);
                            h.setLong(2, first + 1000);
                            h.setString(3, "carol");
                            h.setString(4, "handled-disabled");
                            h.setString(5, "SEC-" + i);
                            h.addBatch();
                            if (i % 500 == 0) {
                                a.executeBatch();
                                o.executeBatch();
                                h.executeBatch();
                            }
                        }
                        a.executeBatch();
                        o.executeBatch();
                        h.executeBatch();
                    }
                    if (db.dialect() == dev.akguard.monitor.store.Dialect.POSTGRESQL) {
                        try (PreparedStatement ps =
                                c.prepareStatement(
                                        "SELECT setval(pg_get_serial_sequence('alerts', 'id'), "
                                                + ALERTS
                                                + ")")) {
                            ps.execute();
                        }
                        try (PreparedStatement ps = c.prepareStatement("ANALYZE")) {
                            ps.execute();
                        }
                    } else {
                        try (PreparedStatement ps = c.prepareStatement("ANALYZE")) {
                            ps.execute();
                        }
                    }
                    return null;
                });
    }

    private ConsoleBenchmark() {}
}
