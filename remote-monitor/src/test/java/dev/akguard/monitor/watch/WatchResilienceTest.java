package dev.akguard.monitor.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.Engine;
import dev.akguard.monitor.github.GitHubApi;
import dev.akguard.monitor.github.GitHubClient;
import dev.akguard.monitor.store.Database;
import dev.akguard.testkit.fixtures.MutableClock;
import dev.akguard.testkit.fixtures.RecordingSleeper;
import dev.akguard.testkit.github.Fault;
import dev.akguard.testkit.github.GitHubEmulator;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Poison pushes are parked at claim time; waits GitHub asks for are capped. */
class WatchResilienceTest {

    @TempDir Path dir;
    private final MutableClock clock = MutableClock.startingNow();
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private GitHubEmulator gh;
    private Database db;

    @BeforeEach
    void start() throws Exception {
        gh = GitHubEmulator.start(clock);
        db = Database.open("jdbc:sqlite:" + dir.resolve("monitor.db"));
    }

    @AfterEach
    void stop() {
        gh.close();
    }

    private Watcher watcher() {
        GitHubClient client =
                GitHubClient.builder(gh.baseUrl())
                        .token("t")
                        .clock(clock)
                        .sleeper(sleeper::sleep)
                        .random(new Random(1))
                        .build();
        return new Watcher(
                WatchSettings.defaults(List.of(Source.publicEvents())).withMaxPushAttempts(3),
                new GitHubApi(client),
                db,
                Engine.defaults(),
                clock,
                sleeper::sleep);
    }

    private String one(String sql) throws Exception {
        return db.transaction(
                c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql);
                            ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : null;
                    }
                });
    }

    @Test
    void aPushThatKilledTheWatcherTooOftenIsParkedAtClaimTimeWithItsReason() throws Exception {
        gh.createRepo("acme/poison").change().put("a.txt", "a\n").push();
        gh.createRepo("acme/fine").change().put("b.txt", "b\n").push();
        Watcher w = watcher();
        gh.inject(Fault.status(500).on("/repos/").times(1000)); // the pushes stay queued
        clock.advance(Duration.ofSeconds(61));
        w.runOnce();
        gh.clearFaults();
        // As if the process died three times holding the poison push: claimed, never released,
        // lease expired.
        db.transaction(
                c -> {
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "UPDATE push_queue SET attempts = 3, claimed_by = 'dead', claimed_until = ?, "
                                            + "next_attempt_at = 0 WHERE repo = 'acme/poison'")) {
                        ps.setLong(1, clock.millis() - 1000);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps =
                            c.prepareStatement(
                                    "UPDATE push_queue SET next_attempt_at = 0 WHERE repo = 'acme/fine'")) {
                        ps.executeUpdate();
                    }
                    return null;
                });
        CycleReport r = w.runOnce();
        assertEquals(1, r.pushesProcessed(), "the other push goes on");
        assertEquals("FAILED", one("SELECT status FROM push_queue WHERE repo = 'acme/poison'"));
        String reason = one("SELECT last_error FROM push_queue WHERE repo = 'acme/poison'");
        assertTrue(
                reason.startsWith("parked: the watcher stopped while processing it 3 times"),
                reason);
        assertEquals("DONE", one("SELECT status FROM push_queue WHERE repo = 'acme/fine'"));
    }

    @Test
    void aHugeRetryAfterOrRateLimitResetIsCappedAtOneHour() throws Exception {
        gh.createRepo("acme/app").change().put("a.txt", "a\n").push();
        Watcher w = watcher();
        gh.inject(Fault.tooManyRequests(Integer.MAX_VALUE).on("/events").times(1));
        clock.advance(Duration.ofSeconds(61));
        w.runOnce();
        gh.inject(Fault.primaryRateLimit(Long.MAX_VALUE / 4).on("/repos/").times(1));
        clock.advance(Duration.ofSeconds(61));
        w.runOnce();
        assertTrue(
                sleeper.sleeps().stream().allMatch(d -> d.compareTo(Duration.ofHours(1)) <= 0),
                sleeper.sleeps().toString());
        assertTrue(
                sleeper.sleeps().stream().anyMatch(d -> d.equals(Duration.ofHours(1))),
                "the capped wait was taken: " + sleeper.sleeps());
    }
}
