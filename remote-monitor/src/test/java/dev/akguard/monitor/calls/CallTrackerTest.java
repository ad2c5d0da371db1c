package dev.akguard.monitor.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.alibaba.AdminCredentials;
import dev.akguard.monitor.alibaba.AlibabaEndpoint;
import dev.akguard.monitor.alibaba.CallRecordClient;
import dev.akguard.monitor.alibaba.RateLimiter;
import dev.akguard.monitor.model.AlertStatus;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.store.AlertStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.store.Sighting;
import dev.akguard.testkit.alibaba.AlibabaCloudEmulator;
import dev.akguard.testkit.alibaba.EmulatedAccount;
import dev.akguard.testkit.alibaba.EmulatedKey;
import dev.akguard.testkit.alibaba.RecordedRequest;
import dev.akguard.testkit.alibaba.TrailEvent;
import dev.akguard.testkit.fixtures.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which keys' calls are fetched, from when, and how often: against the emulator's ActionTrail. */
class CallTrackerTest {
    @TempDir Path dir;
    private AlibabaCloudEmulator ali;
    private EmulatedKey leaked;
    private EmulatedKey admin;
    private Database db;
    private final Instant firstSeen =
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
    private final MutableClock clock = new MutableClock(firstSeen.plus(Duration.ofHours(1)));

    @BeforeEach
    void start() throws Exception {
        ali = AlibabaCloudEmulator.start();
        ali.trail().noRateLimit();
        EmulatedAccount account = ali.addAccount();
        admin = account.addUser("security-admin").addKey();
        leaked = account.addUser("ci").addKey();
        db = Database.open(jdbcUrl());
    }

    /** An SQLite file here, a PostgreSQL schema in {@link PostgresCallTrackerTest}. */
    protected String jdbcUrl() throws Exception {
        return "jdbc:sqlite:" + dir.resolve("monitor.db");
    }

    @AfterEach
    void stop() {
        ali.close();
    }

    private long alert(String keyId, Validity validity) throws Exception {
        long id =
                db.transaction(
                                c ->
                                        new AlertStore(db, clock)
                                                .record(
                                                        c,
                                                        new Sighting(
                                                                keyId,
                                                                "abc…",
                                                                "sha-" + keyId,
                                                                "acme/x",
                                                                "a.env",
                                                                1,
                                                                "c0ffee",
                                                                "eve",
                                                                "https://example.invalid",
                                                                firstSeen,
                                                                "events")))
                        .alertId();
        db.transaction(
                c -> {
                    new AlertStore(db, clock)
                            .setVerification(
                                    c, id, validity, null, null, "test", firstSeen, 0, null);
                    return null;
                });
        return id;
    }

    private CallTracker tracker(Duration refresh) {
        CallRecordClient client =
                new CallRecordClient(
                        new AdminCredentials(admin.id(), admin.secret(), null, "test"),
                        AlibabaEndpoint.override(ali.url()),
                        Backoff.jittered(2, Duration.ofMillis(5), Duration.ofMillis(10)),
                        Duration.ofSeconds(5),
                        new RateLimiter(50));
        return new CallTracker(
                db,
                () -> client,
                new CallsSettings(List.of("cn-hangzhou"), refresh, Duration.ofHours(24)),
                clock);
    }

    @Test
    void validOpenLeaksAreFetchedFromTheLookbackThenIncrementallyAtMostOncePerInterval()
            throws Exception {
        alert(leaked.id(), Validity.VALID);
        alert(admin.id(), Validity.INVALID);
        ali.trail()
                .add(
                        TrailEvent.of(
                                leaked, "DescribeInstances", firstSeen.minus(Duration.ofHours(20))),
                        TrailEvent.of(leaked, "CreateUser", firstSeen.plus(Duration.ofMinutes(30))),
                        TrailEvent.of(
                                leaked, "ListBuckets", firstSeen.minus(Duration.ofHours(30))));
        CallTracker tracker = tracker(Duration.ofMinutes(15));

        CallTracker.Report first = tracker.refresh();
        assertEquals(1, first.keysFetched(), "only the VALID alert's key");
        assertEquals(
                2,
                first.newRecords(),
                "the call 30 h before the leak is outside the 24 h lookback");
        List<RecordedRequest> lookups = ali.requests("LookupEvents");
        assertEquals(1, lookups.size());
        assertEquals(leaked.id(), lookups.get(0).param("LookupAttribute.1.Value"));
        assertEquals("EventAccessKeyId", lookups.get(0).param("LookupAttribute.1.Key"));
        assertEquals(
                firstSeen.minus(Duration.ofHours(24)).toString(),
                lookups.get(0).param("StartTime"));

        clock.advance(Duration.ofMinutes(5));
        assertEquals(0, tracker.refresh().keysFetched(), "not again within the refresh interval");

        clock.advance(Duration.ofMinutes(15));
        ali.trail()
                .add(
                        TrailEvent.of(
                                leaked,
                                "RunInstances",
                                clock.instant().minus(Duration.ofMinutes(2))));
        CallTracker.Report next = tracker.refresh();
        assertEquals(1, next.keysFetched());
        assertEquals(
                1,
                next.newRecords(),
                "the overlap re-reads known events without storing them twice");
        Instant previousEnd = firstSeen.plus(Duration.ofHours(1));
        assertEquals(
                previousEnd.minus(CallTracker.OVERLAP).toString(),
                ali.requests("LookupEvents").get(1).param("StartTime"));
        assertEquals(3, new CallRecordStore(db).forKey(leaked.id()).size());
    }

    @Test
    void handledLeaksAreNoLongerFetched() throws Exception {
        long id = alert(leaked.id(), Validity.VALID);
        new AlertStore(db, clock)
                .handle(id, dev.akguard.monitor.model.HandlingMethod.DISABLED, "carol", null);
        assertEquals(
                AlertStatus.HANDLED, new AlertStore(db, clock).find(id).orElseThrow().status());
        assertEquals(0, tracker(Duration.ZERO).refresh().keysFetched());
        assertTrue(ali.requests("LookupEvents").isEmpty());
    }
}
