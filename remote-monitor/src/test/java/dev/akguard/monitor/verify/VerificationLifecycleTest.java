package dev.akguard.monitor.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.Engine;
import dev.akguard.monitor.alibaba.AdminCredentials;
import dev.akguard.monitor.alibaba.AlibabaEndpoint;
import dev.akguard.monitor.anomaly.AnomalyType;
import dev.akguard.monitor.calls.CallRecordStore;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubClient;
import dev.akguard.monitor.model.CallRecord;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.notify.outbox.OutboxItem;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.runtime.AfterCycle;
import dev.akguard.monitor.runtime.IntegrationConfig;
import dev.akguard.monitor.runtime.MonitorRuntime;
import dev.akguard.monitor.store.Alert;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.HistoryEntry;
import dev.akguard.monitor.watch.Source;
import dev.akguard.monitor.watch.WatchSettings;
import dev.akguard.monitor.watch.Watcher;
import dev.akguard.testkit.alibaba.AlibabaCloudEmulator;
import dev.akguard.testkit.alibaba.EmulatedAccount;
import dev.akguard.testkit.alibaba.EmulatedKey;
import dev.akguard.testkit.fixtures.MutableClock;
import dev.akguard.testkit.fixtures.RecordingSleeper;
import dev.akguard.testkit.github.GitHubEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Verification around the watcher, against the GitHub and Alibaba Cloud emulators: a check without
 * a verdict is retried with the secret re-fetched from GitHub, a crash between recording and
 * checking loses nothing, and notifications are queued once, only for a verdict the policy accepts.
 * Anomalies are raised once each.
 */
class VerificationLifecycleTest {
    private static final Backoff FAST =
            Backoff.jittered(2, Duration.ofMillis(5), Duration.ofMillis(10));

    @TempDir Path dir;
    private final MutableClock clock = new MutableClock(Instant.now());
    private GitHubEmulator gh;
    private AlibabaCloudEmulator ali;
    private EmulatedKey leaked;
    private EmulatedKey admin;
    private Database db;

    @BeforeEach
    void start() throws Exception {
        gh = GitHubEmulator.start();
        ali = AlibabaCloudEmulator.start();
        EmulatedAccount account = ali.addAccount();
        admin = account.addUser("security-admin").addKey();
        leaked = account.addUser("ci").addKey();
        db = Database.open(jdbcUrl());
        gh.createRepo("acme/site")
                .change()
                .author("eve")
                .put(
                        "app.env",
                        "ALIBABA_CLOUD_ACCESS_KEY_ID="
                                + leaked.id()
                                + "\nALIBABA_CLOUD_ACCESS_KEY_SECRET="
                                + leaked.secret()
                                + "\n")
                .push();
    }

    /**
     * The database under test: an SQLite file here, a PostgreSQL schema in {@link
     * PostgresVerificationLifecycleTest}.
     */
    protected String jdbcUrl() throws Exception {
        return "jdbc:sqlite:" + dir.resolve("monitor.db");
    }

    @AfterEach
    void stop() {
        gh.close();
        ali.close();
    }

    private MonitorRuntime runtime() {
        GitHubApi api =
                new GitHubApi(
                        GitHubClient.builder(gh.baseUrl())
                                .clock(clock)
                                .sleeper(new RecordingSleeper(clock)::sleep)
                                .build());
        return new MonitorRuntime(
                db,
                api,
                Engine.defaults(),
                AlibabaEndpoint.override(ali.url()),
                () -> new AdminCredentials(admin.id(), admin.secret(), null, "test"),
                IntegrationConfig.defaults(),
                FAST,
                Duration.ofSeconds(5),
                clock);
    }

    private Watcher watcher(MonitorRuntime rt, DetectionVerifier detection) {
        GitHubApi api =
                new GitHubApi(
                        GitHubClient.builder(gh.baseUrl())
                                .clock(clock)
                                .sleeper(new RecordingSleeper(clock)::sleep)
                                .build());
        Watcher w =
                new Watcher(
                        WatchSettings.defaults(List.of(Source.publicEvents())),
                        api,
                        db,
                        Engine.defaults(),
                        clock,
                        new RecordingSleeper(clock)::sleep);
        return w.addListener(detection);
    }

    private Alert onlyAlert() {
        List<Alert> all = new AlertStore(db, clock).list(null);
        assertEquals(1, all.size());
        return all.get(0);
    }

    private static long count(List<HistoryEntry> h, String action) {
        return h.stream().filter(e -> e.action().equals(action)).count();
    }

    @Test
    void noVerdictIsRetriedLaterWithTheSecretReFetchedAndOnlyThenNotifies() throws Exception {
        MonitorRuntime rt = runtime();
        DetectionVerifier detection = rt.detectionVerifier();
        Watcher w = watcher(rt, detection);
        ali.faults().throttleAlways("GetCallerIdentity");
        w.runOnce();
        AfterCycle after = new AfterCycle(rt, detection, true);
        AfterCycle.Report first = after.run();
        assertEquals(1, first.verified());
        assertEquals(Validity.UNKNOWN, onlyAlert().validity());
        assertTrue(rt.notifications().outbox(null, 10).isEmpty(), "no verdict, nobody told yet");
        assertTrue(rt.notifications().inbox(10).isEmpty());

        ali.faults().clear();
        AfterCycle.Report tooSoon = after.run();
        assertEquals(0, tooSoon.reverified(), "the retry waits for its backoff");

        clock.advance(Duration.ofMinutes(6));
        AfterCycle.Report retried = after.run();
        assertEquals(1, retried.reverified());
        Alert a = onlyAlert();
        assertEquals(Validity.VALID, a.validity());
        assertEquals(2, count(a.history(), VerificationStore.VERIFIED));
        assertTrue(
                a.history()
                        .get(a.history().size() - 1)
                        .note()
                        .contains("re-fetched from acme/site/app.env"),
                a.history().toString());
        assertEquals(
                1,
                rt.notifications().inbox(10).size(),
                "delivered to the inbox once the key proved VALID");
        assertTrue(
                gh.requests("/repos/acme/site/contents/app.env").size() >= 1,
                "the secret came back from GitHub, not the store");
        clock.advance(Duration.ofHours(1));
        after.run();
        assertEquals(
                1,
                rt.notifications().inbox(10).size(),
                "a VALID alert leaves the queue: no second check, no second message");
    }

    @Test
    void aCrashBetweenRecordingAndCheckingLosesNothingAndDuplicatesNothing() throws Exception {
        MonitorRuntime crashed = runtime();
        watcher(crashed, crashed.detectionVerifier())
                .runOnce(); // the alert is committed, then the process "dies"
        assertEquals(Validity.UNVERIFIED, onlyAlert().validity());

        MonitorRuntime restarted = runtime();
        AfterCycle after = new AfterCycle(restarted, restarted.detectionVerifier(), true);
        AfterCycle.Report r = after.run();
        assertEquals(1, r.reverified());
        assertEquals(Validity.VALID, onlyAlert().validity());
        after.run();
        clock.advance(Duration.ofHours(2));
        after.run();
        List<OutboxItem> queued = restarted.notifications().outbox(null, 10);
        assertEquals(1, queued.size(), queued.toString());
        assertEquals(1, restarted.notifications().inbox(10).size());
    }

    @Test
    void eachAnomalyIsRaisedOnceWithItsOwnNotification() throws Exception {
        MonitorRuntime rt = runtime();
        DetectionVerifier detection = rt.detectionVerifier();
        watcher(rt, detection).runOnce();
        detection.verifyPending();
        Alert a = onlyAlert();
        Instant t = clock.instant().plusSeconds(60);
        List<CallRecord> calls =
                List.of(
                        new CallRecord(
                                t,
                                "CreateUser",
                                "Ram",
                                "203.0.113.9",
                                "cn-hangzhou",
                                "Write",
                                null,
                                "cli",
                                "ci",
                                leaked.id(),
                                "1",
                                "ram-user",
                                "e1"),
                        new CallRecord(
                                t.plusSeconds(5),
                                "RunInstances",
                                "Ecs",
                                "203.0.113.9",
                                "cn-hangzhou",
                                "Write",
                                null,
                                "cli",
                                "ci",
                                leaked.id(),
                                "1",
                                "ram-user",
                                "e2"));
        db.transaction(c -> new CallRecordStore(db).store(c, leaked.id(), calls, t));
        clock.advance(Duration.ofMinutes(5));
        List<Long> raised = rt.anomalyRaiser().raiseNew();
        var stored = rt.anomalyRaiser().store().list(null);
        assertEquals(raised.size(), stored.size());
        assertEquals(
                2,
                stored.stream()
                        .filter(s -> s.anomaly().type().equals(AnomalyType.SENSITIVE_API.id()))
                        .count());
        assertTrue(
                stored.stream()
                        .anyMatch(
                                s -> s.anomaly().type().equals(AnomalyType.LEAKED_KEY_USED.id())));
        stored.forEach(s -> assertEquals(a.id(), s.alertId()));
        long anomalyRows =
                rt.notifications().outbox(null, 50).stream()
                        .filter(i -> i.kind().startsWith("anomaly:"))
                        .count();
        assertEquals(
                stored.size(),
                anomalyRows,
                "one outbox row per anomaly and channel (inbox only by default)");
        assertTrue(rt.anomalyRaiser().raiseNew().isEmpty(), "the same records raise nothing twice");
        assertFalse(
                rt.notifications().outbox(null, 50).stream()
                        .anyMatch(i -> i.payload().contains(leaked.secret())));
    }

    @Test
    void theContinuousLoopVerifiesAfterEveryCycleUntilStopped() throws Exception {
        MonitorRuntime rt = runtime();
        DetectionVerifier detection = rt.detectionVerifier();
        Watcher w = watcher(rt, detection);
        List<AfterCycle.Report> reports = new java.util.ArrayList<>();
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        dev.akguard.monitor.runtime.WatchLoop.run(
                w,
                new AfterCycle(rt, detection, true),
                WatchSettings.defaults(List.of(Source.publicEvents())),
                new dev.akguard.monitor.store.WorkStore(db),
                clock,
                sleeper::sleep,
                () -> reports.size() >= 2,
                reports::add);
        assertEquals(2, reports.size());
        assertEquals(1, reports.get(0).verified());
        assertEquals(0, reports.get(1).verified(), "each alert is verified once");
        assertEquals(Validity.VALID, onlyAlert().validity());
        assertEquals(1, sleeper.sleeps().size(), "slept between the cycles, not after the last");
        assertEquals(1, rt.notifications().inbox(10).size());
    }

    @Test
    void theContinuousLoopOutlivesADatabaseThatStopsAnswering() throws Exception {
        MonitorRuntime rt = runtime();
        DetectionVerifier detection = rt.detectionVerifier();
        Watcher w = watcher(rt, detection);
        RecordingSleeper sleeper = new RecordingSleeper(clock);
        db.close(); // every connection refused from now on, as during a server restart
        dev.akguard.monitor.runtime.WatchLoop.run(
                w,
                new AfterCycle(rt, detection, true),
                WatchSettings.defaults(List.of(Source.publicEvents())),
                new dev.akguard.monitor.store.WorkStore(db),
                clock,
                sleeper::sleep,
                () -> sleeper.sleeps().size() >= 3,
                r -> {});
        List<Duration> waits = sleeper.sleeps();
        assertEquals(
                3,
                waits.size(),
                "three failed cycles, each followed by a wait, and the loop still running");
        for (int i = 0; i < 3; i++) {
            long full = 2_000L << i;
            long ms = waits.get(i).toMillis();
            assertTrue(
                    ms >= full / 2 && ms <= full,
                    "growing backoff, cycle " + (i + 1) + ": " + ms + " ms");
        }
    }

    @Test
    void aFailingStepEndsNeitherTheContinuousLoopNorTheOtherStep() throws Exception {
        MonitorRuntime rt = runtime();
        DetectionVerifier detection = rt.detectionVerifier();
        Watcher w = watcher(rt, detection);
        List<AfterCycle.Report> reports = new java.util.ArrayList<>();
        List<Duration> sleeps = new java.util.ArrayList<>();
        EmulatedKey second = leaked.user().addKey();
        // After the first cycle the store loses a table the watcher needs (as a dropped connection
        // or a held lock would
        // fail it); it comes back after the second cycle.
        dev.akguard.monitor.retry.Sleeper sleeper =
                d -> {
                    sleeps.add(d);
                    clock.advance(d.plusSeconds(61));
                    String sql =
                            sleeps.size() == 1
                                    ? "ALTER TABLE poll_cursors RENAME TO poll_cursors_gone"
                                    : sleeps.size() == 2
                                            ? "ALTER TABLE poll_cursors_gone RENAME TO poll_cursors"
                                            : null;
                    if (sleeps.size() == 1)
                        gh.createRepo("acme/second")
                                .change()
                                .author("eve")
                                .put(
                                        "app.env",
                                        "ALIBABA_CLOUD_ACCESS_KEY_ID="
                                                + second.id()
                                                + "\nALIBABA_CLOUD_ACCESS_KEY_SECRET="
                                                + second.secret()
                                                + "\n")
                                .push();
                    if (sql != null)
                        db.transaction(
                                c -> {
                                    try (var st = c.createStatement()) {
                                        st.execute(sql);
                                    }
                                    return null;
                                });
                };
        dev.akguard.monitor.runtime.WatchLoop.run(
                w,
                new AfterCycle(rt, detection, true),
                WatchSettings.defaults(List.of(Source.publicEvents())),
                new dev.akguard.monitor.store.WorkStore(db),
                clock,
                sleeper,
                () -> reports.size() >= 3,
                reports::add);
        assertEquals(3, reports.size(), "the step after the failing one ran every cycle");
        assertTrue(
                sleeps.get(1).compareTo(Duration.ofSeconds(1)) >= 0,
                "backed off after the failure: " + sleeps);
        List<Alert> all = new AlertStore(db, clock).list(null);
        assertEquals(2, all.size(), "the push queued during the failure was processed afterwards");
        assertTrue(all.stream().allMatch(a -> a.validity() == Validity.VALID));
    }

    @Test
    void aKeyThatNeverGetsAVerdictNotifiesWhenTheQueueGivesUpIfThePolicyNotifiesEveryLeak()
            throws Exception {
        MonitorRuntime rt = runtime();
        var settings = rt.notifications().settings();
        settings.policy = dev.akguard.monitor.notify.NotifyPolicy.ALWAYS;
        rt.notifications().saveSettings(settings);
        DetectionVerifier detection = rt.detectionVerifier();
        ali.faults().throttleAlways("GetCallerIdentity");
        watcher(rt, detection).runOnce();
        AfterCycle after = new AfterCycle(rt, detection, true);
        after.run();
        int checks = 1;
        while (!new VerificationStore(db)
                .due(clock.instant().plus(Duration.ofDays(1)), 10)
                .isEmpty()) {
            assertTrue(
                    rt.notifications().outbox(null, 10).isEmpty(),
                    "nobody told while retries are scheduled");
            clock.advance(Duration.ofHours(7));
            checks += after.run().reverified();
            assertTrue(checks <= VerificationStore.MAX_ATTEMPTS, "the queue gives up");
        }
        assertEquals(VerificationStore.MAX_ATTEMPTS, checks);
        assertEquals(Validity.UNKNOWN, onlyAlert().validity());
        assertEquals(1, rt.notifications().inbox(10).size(), "told once, when the queue gave up");
        assertTrue(rt.notifications().inbox(10).get(0).title().contains("UNKNOWN"));
    }
}
