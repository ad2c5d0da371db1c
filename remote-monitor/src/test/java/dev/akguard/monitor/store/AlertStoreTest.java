package dev.akguard.monitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.model.AlertStatus;
import dev.akguard.monitor.model.HandlingMethod;
import dev.akguard.testkit.fixtures.MutableClock;
import dev.akguard.testkit.fixtures.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertStoreTest {

    @TempDir Path dir;
    private final MutableClock clock = MutableClock.startingNow();
    private final TestKeys.Pair key = TestKeys.pair(new Random(7));
    private Database db;
    private AlertStore store;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("nested/dir/monitor.db"));
        store = new AlertStore(db, clock);
    }

    private Sighting at(String repo, String commit, int line) {
        return new Sighting(
                key.id(),
                key.secret().substring(0, 3) + "…",
                key.sha256(),
                repo,
                "conf/app.properties",
                line,
                commit,
                "alice",
                "https://github.example/" + repo,
                clock.instant(),
                "events");
    }

    private RecordOutcome record(Sighting s) {
        return db.transactionUninterruptibly(c -> store.record(c, s));
    }

    @Test
    void onePairIsOneAlertWithOneOccurrencePerPlace() {
        RecordOutcome first = record(at("a/b", "c1", 3));
        assertEquals(RecordOutcome.Kind.CREATED, first.kind());
        assertEquals(
                RecordOutcome.Kind.ALREADY_RECORDED,
                record(at("a/b", "c1", 3)).kind(),
                "same place again: idempotent");
        clock.advance(Duration.ofMinutes(5));
        RecordOutcome second = record(at("x/y", "c9", 10));
        assertEquals(RecordOutcome.Kind.NEW_OCCURRENCE, second.kind());
        assertEquals(first.alertId(), second.alertId());

        List<Alert> alerts = store.list(null);
        assertEquals(1, alerts.size());
        Alert a = alerts.get(0);
        assertEquals(2, a.occurrences().size());
        assertEquals(AlertStatus.UNHANDLED, a.status());
        assertEquals(key.id(), a.accessKeyId());
        assertEquals(key.secret().substring(0, 3) + "…", a.secretRedacted());
        assertTrue(a.lastSeen().isAfter(a.firstSeen()));
        assertEquals(1, a.history().size());
        assertEquals(HistoryEntry.CREATED, a.history().get(0).action());
    }

    @Test
    void handleWhitelistAndCancelAreRecordedWithWhoWhenAndWhy() {
        long id = record(at("a/b", "c1", 3)).alertId();
        clock.advance(Duration.ofMinutes(1));
        Alert disabled = store.handle(id, HandlingMethod.DISABLED, "carol", "disabled in RAM");
        assertEquals(AlertStatus.HANDLED, disabled.status());
        assertEquals(HandlingMethod.DISABLED, disabled.handlingMethod());
        Alert deleted = store.handle(id, HandlingMethod.DELETED, "carol", "deleted after rotation");
        assertEquals(HandlingMethod.DELETED, deleted.handlingMethod());

        long other =
                db.transactionUninterruptibly(
                                c ->
                                        store.record(
                                                c,
                                                new Sighting(
                                                        key.id(),
                                                        "abc…",
                                                        "00" + key.sha256().substring(2),
                                                        "a/b",
                                                        "p",
                                                        1,
                                                        "c1",
                                                        "a",
                                                        "u",
                                                        clock.instant(),
                                                        "events")))
                        .alertId();
        Alert wl = store.handle(other, HandlingMethod.WHITELIST, "dave", "test fixture key");
        assertEquals(AlertStatus.WHITELISTED, wl.status());
        IllegalTransitionException e =
                assertThrows(
                        IllegalTransitionException.class,
                        () -> store.handle(other, HandlingMethod.DELETED, "dave", null));
        assertTrue(e.getMessage().contains("unwhitelist"));
        Alert back = store.unwhitelist(other, "erin", "not a fixture after all");
        assertEquals(AlertStatus.UNHANDLED, back.status());
        assertNull(back.handlingMethod());
        assertThrows(
                IllegalTransitionException.class, () -> store.unwhitelist(other, "erin", null));

        List<HistoryEntry> h = back.history();
        assertEquals(
                List.of(HistoryEntry.CREATED, HistoryEntry.WHITELISTED, HistoryEntry.UNWHITELISTED),
                h.stream().map(HistoryEntry::action).toList());
        assertEquals("dave", h.get(1).by());
        assertEquals("test fixture key", h.get(1).note());
        assertEquals("erin", h.get(2).by());
        assertThrows(
                AlertNotFoundException.class,
                () -> store.handle(999, HandlingMethod.DELETED, "x", null));
        assertEquals(
                2,
                store.list(AlertStatus.HANDLED).size() + store.list(AlertStatus.UNHANDLED).size());
    }

    @Test
    void whitelistedStaysQuietAndHandledReopensInANewPlace() {
        long id = record(at("a/b", "c1", 3)).alertId();
        store.handle(id, HandlingMethod.WHITELIST, "carol", null);
        RecordOutcome seen = record(at("z/z", "c2", 4));
        assertEquals(RecordOutcome.Kind.WHITELISTED_SEEN, seen.kind());
        assertFalse(seen.announce());
        assertEquals(AlertStatus.WHITELISTED, store.find(id).orElseThrow().status());
        assertEquals(2, store.find(id).orElseThrow().occurrences().size(), "still recorded");

        store.unwhitelist(id, "carol", null);
        store.handle(id, HandlingMethod.DELETED, "carol", "gone");
        assertEquals(
                RecordOutcome.Kind.ALREADY_RECORDED,
                record(at("z/z", "c2", 4)).kind(),
                "the same place does not reopen");
        RecordOutcome reopened = record(at("q/q", "c3", 1));
        assertEquals(RecordOutcome.Kind.REOPENED, reopened.kind());
        assertTrue(reopened.announce());
        Alert a = store.find(id).orElseThrow();
        assertEquals(AlertStatus.UNHANDLED, a.status());
        HistoryEntry last = a.history().get(a.history().size() - 1);
        assertEquals(HistoryEntry.REOPENED, last.action());
        assertTrue(last.note().contains("q/q"), last.note());
    }

    @Test
    void theDatabaseNeverHoldsThePlaintextSecret() throws Exception {
        record(at("a/b", "c1", 3));
        store.handle(1, HandlingMethod.DISABLED, "carol", "note");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(key.secret()), "plaintext secret in " + f);
            }
        }
    }
}
