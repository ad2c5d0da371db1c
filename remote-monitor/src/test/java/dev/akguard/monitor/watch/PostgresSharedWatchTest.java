package dev.akguard.monitor.watch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.Engine;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubClient;
import dev.akguard.monitor.retry.Sleeper;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.WorkStore;
import dev.akguard.testkit.fixtures.PostgresSchema;
import dev.akguard.testkit.fixtures.TestKeys;
import dev.akguard.testkit.github.GitHubEmulator;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two watchers on one PostgreSQL schema share sources and pushes and never duplicate an alert or
 * occurrence.
 */
class PostgresSharedWatchTest {

    @Test
    void twoWatchersShareTheWorkWithoutDuplicates() throws Exception {
        Random random = new Random(5);
        try (PostgresSchema schema = new PostgresSchema();
                GitHubEmulator gh = GitHubEmulator.start()) {
            gh.setPollIntervalSeconds(0);
            gh.setLatency(Duration.ofMillis(3));
            // 40 pushes in 8 repos; 10 keys, each leaked in 4 different places: 10 alerts, 40
            // occurrences.
            List<TestKeys.Pair> keys = new ArrayList<>();
            for (int i = 0; i < 10; i++) keys.add(TestKeys.pair(random));
            for (int i = 0; i < 40; i++) {
                TestKeys.Pair k = keys.get(i % 10);
                gh.createRepo("org" + (i % 2) + "/repo" + (i % 8))
                        .change()
                        .author("dev" + i)
                        .put("conf/" + i + ".properties", k.properties())
                        .push();
            }
            Database db = Database.open(schema.url());
            Database second = Database.open(schema.url());
            List<AlertNotice> notices = Collections.synchronizedList(new ArrayList<>());
            List<Source> sources =
                    List.of(Source.publicEvents(), Source.org("org0"), Source.org("org1"));
            WatchSettings settings =
                    WatchSettings.defaults(sources)
                            .withMinPollInterval(Duration.ZERO)
                            .withBatchSize(2);
            Watcher a = watcher(gh, db, settings, notices);
            Watcher b = watcher(gh, second, settings, notices);

            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            Future<CycleReport> ra =
                    pool.submit(
                            () -> {
                                go.await();
                                return a.runOnce().plus(a.runOnce());
                            });
            Future<CycleReport> rb =
                    pool.submit(
                            () -> {
                                go.await();
                                return b.runOnce().plus(b.runOnce());
                            });
            go.countDown();
            CycleReport x = ra.get(60, TimeUnit.SECONDS), y = rb.get(60, TimeUnit.SECONDS);
            pool.shutdown();

            assertEquals(
                    40,
                    x.pushesProcessed() + y.pushesProcessed(),
                    "every push processed exactly once: " + x + " / " + y);
            assertTrue(
                    x.pushesProcessed() > 0 && y.pushesProcessed() > 0,
                    "both shared the queue: " + x + " / " + y);
            assertEquals(10, x.alertsCreated() + y.alertsCreated());
            assertArrayEquals(new long[] {10, 40}, new AlertStore(db, Clock.systemUTC()).counts());
            assertEquals(10, notices.size(), "each alert announced once");
            Set<Long> ids = new HashSet<>();
            for (AlertNotice n : notices) assertTrue(ids.add(n.alertId()));
            assertArrayEquals(
                    new long[] {0, 0},
                    new WorkStore(db).queueCounts(),
                    "nothing pending or failed");
            long createdEntries =
                    db.transaction(
                            c -> {
                                try (PreparedStatement ps =
                                                c.prepareStatement(
                                                        "SELECT COUNT(*) FROM history WHERE action = 'created'");
                                        ResultSet rs = ps.executeQuery()) {
                                    rs.next();
                                    return rs.getLong(1);
                                }
                            });
            assertEquals(10, createdEntries);
            db.close();
            second.close();
        }
    }

    private static Watcher watcher(
            GitHubEmulator gh, Database db, WatchSettings settings, List<AlertNotice> notices) {
        GitHubClient client = GitHubClient.builder(gh.baseUrl()).token("t").build();
        return new Watcher(
                        settings,
                        new GitHubApi(client),
                        db,
                        Engine.defaults(),
                        Clock.systemUTC(),
                        Sleeper.SYSTEM)
                .addListener((n, c) -> notices.add(n));
    }
}
