package dev.akguard.monitor.watch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.Engine;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubClient;
import dev.akguard.monitor.retry.Sleeper;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.WorkStore;
import dev.akguard.testkit.fixtures.TestKeys;
import dev.akguard.testkit.github.Fault;
import dev.akguard.testkit.github.GitHubEmulator;
import java.io.File;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a real watcher JVM in the middle of a feed poll, then again in the middle of
 * processing pushes; a restarted watcher then finishes the work: every leak recorded once, nothing
 * lost, nothing duplicated.
 */
class CrashRecoveryTest {

    static final Duration LEASE = Duration.ofSeconds(2);

    @TempDir Path dir;

    @Test
    void killNineMidPollAndMidProcessingThenRestartLosesAndDuplicatesNothing() throws Exception {
        Random random = new Random(11);
        String dbUrl = "jdbc:sqlite:" + dir.resolve("monitor.db");
        try (GitHubEmulator gh = GitHubEmulator.start()) {
            gh.setPollIntervalSeconds(1);
            // 24 pushes; 12 keys each leaked twice (different repos): 12 alerts, 24 occurrences.
            Map<String, Integer> expectedPlaces = new HashMap<>();
            List<TestKeys.Pair> keys = new ArrayList<>();
            for (int i = 0; i < 12; i++) keys.add(TestKeys.pair(random));
            for (int i = 0; i < 24; i++) {
                TestKeys.Pair k = keys.get(i % 12);
                gh.createRepo("crash/r" + i).change().put("app.properties", k.properties()).push();
                expectedPlaces.merge(k.id(), 1, Integer::sum);
            }
            Database db = Database.open(dbUrl);

            // 1. Killed while its feed request is in flight: nothing may be committed.
            gh.inject(Fault.slow(Duration.ofSeconds(20)).on("/events"));
            Process first = startChild(gh.baseUrl(), dbUrl, "child1.log");
            awaitOrFail(() -> gh.arrivals("/events"), 1, first);
            first.destroyForcibly().waitFor();
            assertEquals(137, first.exitValue(), "killed by SIGKILL");
            assertEquals(0L, count(db, "SELECT COUNT(*) FROM push_queue"));
            assertArrayEquals(new long[] {0, 0}, new AlertStore(db, Clock.systemUTC()).counts());

            // 2. Killed while processing pushes (every fetch is slow): part done, part claimed,
            // none lost.
            gh.inject(Fault.slow(Duration.ofMillis(250)).on("/repos/").times(10_000));
            Process second = startChild(gh.baseUrl(), dbUrl, "child2.log");
            awaitOrFail(() -> gh.arrivals("/repos/"), 8, second);
            second.destroyForcibly().waitFor();
            gh.clearFaults();
            long done = count(db, "SELECT COUNT(*) FROM push_queue WHERE status = 'DONE'");
            assertEquals(
                    24L,
                    count(db, "SELECT COUNT(*) FROM push_queue"),
                    "the poll that queued them committed with its cursor");
            assertTrue(done > 0 && done < 24, "killed mid-processing: " + done + " of 24 done");
            assertTrue(
                    count(
                                    db,
                                    "SELECT COUNT(*) FROM push_queue WHERE status = 'PENDING' AND claimed_until > 0")
                            > 0,
                    "some pushes were held by the killed process");

            // 3. Restart: leases of the dead process expire, the rest is finished.
            Thread.sleep(LEASE.toMillis() + 200);
            GitHubClient client = GitHubClient.builder(gh.baseUrl()).token("t").build();
            Watcher restarted =
                    new Watcher(
                            WatchSettings.defaults(List.of(Source.publicEvents()))
                                    .withMinPollInterval(Duration.ofSeconds(1)),
                            new GitHubApi(client),
                            db,
                            Engine.defaults(),
                            Clock.systemUTC(),
                            Sleeper.SYSTEM);
            CycleReport r = restarted.runOnce();
            assertEquals(24 - done, r.pushesProcessed());

            AlertStore alerts = new AlertStore(db, Clock.systemUTC());
            assertArrayEquals(new long[] {12, 24}, alerts.counts());
            for (Alert a : alerts.list(null)) {
                assertEquals(
                        expectedPlaces.get(a.accessKeyId()),
                        a.occurrences().size(),
                        a.accessKeyId());
                assertEquals(
                        1, a.history().stream().filter(h -> h.action().equals("created")).count());
            }
            assertArrayEquals(new long[] {0, 0}, new WorkStore(db).queueCounts());
        }
    }

    static CloneLimits cloneLimits(Path workDir) {
        return new CloneLimits(64L << 20, Duration.ofMinutes(2), workDir, 1);
    }

    @Test
    void killNineMidCloneThenRestartScansTheRepositoryOnceWithoutDuplicates() throws Exception {
        Random random = new Random(12);
        String dbUrl = "jdbc:sqlite:" + dir.resolve("clone.db");
        Path clones = dir.resolve("clones");
        try (GitHubEmulator gh = GitHubEmulator.start()) {
            gh.setPollIntervalSeconds(1);
            TestKeys.Pair key = TestKeys.pair(random);
            var repo = gh.createRepo("crash/pub").makePrivate();
            repo.change().put("README.md", "# pub\n").commitSilently();
            var leak = repo.change().put("conf/app.properties", key.properties()).commitSilently();
            repo.change().remove("conf/app.properties").commitSilently();
            repo.makePublic();
            Database db = Database.open(dbUrl);

            // Killed while the clone's pack is being negotiated: nothing recorded, the job still
            // claimed.
            gh.inject(
                    Fault.slow(Duration.ofSeconds(20))
                            .on("/crash/pub.git/git-upload-pack")
                            .times(100));
            Process child = startChild(gh.baseUrl(), dbUrl, "clone-child.log", clones.toString());
            awaitOrFail(() -> gh.arrivals("/crash/pub.git/git-upload-pack"), 1, child);
            child.destroyForcibly().waitFor();
            gh.clearFaults();
            assertEquals(
                    1L,
                    count(
                            db,
                            "SELECT COUNT(*) FROM push_queue WHERE status = 'PENDING' AND claimed_until > 0"));
            assertArrayEquals(new long[] {0, 0}, new AlertStore(db, Clock.systemUTC()).counts());

            // Restart: the lease runs out, the clone-and-scan runs once, the dead run's folder is
            // gone.
            Thread.sleep(LEASE.toMillis() + 200);
            GitHubClient client = GitHubClient.builder(gh.baseUrl()).token("t").build();
            Watcher restarted =
                    new Watcher(
                            WatchSettings.defaults(List.of(Source.publicEvents()))
                                    .withMinPollInterval(Duration.ofSeconds(1))
                                    .withClone(cloneLimits(clones)),
                            new GitHubApi(client),
                            db,
                            Engine.defaults(),
                            Clock.systemUTC(),
                            Sleeper.SYSTEM);
            CycleReport r = restarted.runOnce();
            assertEquals(1, r.pushesProcessed());
            AlertStore alerts = new AlertStore(db, Clock.systemUTC());
            assertArrayEquals(new long[] {1, 1}, alerts.counts());
            Alert a = alerts.list(null).get(0);
            assertEquals(leak.head(), a.occurrences().get(0).commit());
            assertEquals(1, a.history().stream().filter(h -> h.action().equals("created")).count());
            assertArrayEquals(new long[] {0, 0}, new WorkStore(db).queueCounts());
            try (var left = java.nio.file.Files.list(clones)) {
                assertEquals(0, left.count(), "no clone left behind");
            }
            assertEquals(0, restarted.runOnce().alertsCreated(), "done once: nothing more");
        }
    }

    private Process startChild(String githubUrl, String dbUrl, String log, String... extra)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                java,
                                "-Xmx256m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                WatchChildMain.class.getName(),
                                githubUrl,
                                dbUrl));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve(log).toFile());
        return pb.start();
    }

    private void awaitOrFail(IntSupplier arrivals, int atLeast, Process child) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (arrivals.getAsInt() < atLeast) {
            if (!child.isAlive()) throw new AssertionError("child exited early: " + readLogs());
            if (System.nanoTime() > deadline) {
                child.destroyForcibly();
                throw new AssertionError("child made no progress: " + readLogs());
            }
            Thread.sleep(20);
        }
    }

    private String readLogs() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (File f : dir.toFile().listFiles((d, n) -> n.endsWith(".log")))
            sb.append(java.nio.file.Files.readString(f.toPath()));
        return sb.toString();
    }

    private static long count(Database db, String sql) throws Exception {
        return db.transaction(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql);
                            ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
    }
}
