package dev.akguard.monitor.notify.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.notify.AlertNotification;
import dev.akguard.monitor.notify.Channels;
import dev.akguard.monitor.notify.NotificationSettings;
import dev.akguard.monitor.notify.Notifier;
import dev.akguard.monitor.notify.channel.Channel;
import dev.akguard.monitor.notify.channel.DeliveryException;
import dev.akguard.monitor.redact.Redaction;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.testing.TestAlerts;
import dev.akguard.testkit.fixtures.MutableClock;
import dev.akguard.testkit.fixtures.TestKeys;
import dev.akguard.testkit.fixtures.WebhookReceiver;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox and inbox contract, run against each database (SQLite and PostgreSQL subclasses). */
abstract class OutboxContractTest {
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Backoff RETRY =
            Backoff.exponential(3, Duration.ofSeconds(30), Duration.ofMinutes(10));

    protected Database db;
    protected JdbcOutbox outbox;
    protected JdbcInbox inbox;
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private WebhookReceiver receiver;

    /** A fresh, empty database for one test. */
    protected abstract Database freshDatabase() throws Exception;

    protected void dropDatabase() throws Exception {}

    @BeforeEach
    void setUp() throws Exception {
        db = freshDatabase();
        TestAlerts.seed(db, 0, 120, 77); // the outbox references alerts; alert 77 is made by a test
        outbox = new JdbcOutbox(db);
        inbox = new JdbcInbox(db);
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() throws Exception {
        receiver.close();
        db.close();
        dropDatabase();
    }

    private static OutboxEntry entry(String channel, long alertId) {
        return new OutboxEntry(channel, alertId, "leak", "{}");
    }

    // ---- queueing ----

    @Test
    void queueingTheSameNotificationTwiceAddsNothing() {
        assertEquals(
                2, outbox.enqueue(List.of(entry("inbox", 1), entry("email", 1)), clock.instant()));
        assertEquals(
                1, outbox.enqueue(List.of(entry("inbox", 1), entry("inbox", 2)), clock.instant()));
        assertEquals(
                1,
                outbox.enqueue(
                        List.of(new OutboxEntry("inbox", 1, "anomaly", "{}")), clock.instant()),
                "another kind is another notification");
        List<OutboxItem> all = outbox.list(null, 100);
        assertEquals(4, all.size());
        OutboxItem first = all.get(0);
        assertEquals(OutboxStatus.PENDING, first.status());
        assertEquals(0, first.attempts());
        assertEquals(clock.instant(), first.createdAt());
        assertEquals(clock.instant(), first.nextAttemptAt());
        assertNull(first.deliveredAt());
    }

    @Test
    void notificationsCommitOrVanishWithTheAlertTransaction() throws SQLException {
        String key = TestKeys.accessKeyId();
        for (boolean commit : new boolean[] {false, true}) {
            try (Connection tx = db.connect()) {
                tx.setAutoCommit(false);
                TestAlerts.insert(tx, 77, key);
                JdbcOutbox.enqueue(
                        tx, List.of(entry("inbox", 77), entry("webhook:ops", 77)), clock.instant());
                if (commit) tx.commit();
                else tx.rollback(); // rollback = the process died before commit
            }
            assertEquals(commit ? 2 : 0, outbox.list(null, 10).size(), "commit=" + commit);
        }
    }

    // ---- claiming ----

    @Test
    void aClaimLeasesTheItemAndCountsTheAttempt() {
        outbox.enqueue(List.of(entry("inbox", 1)), clock.instant());
        List<OutboxItem> claimed = outbox.claimDue(clock.instant(), 10, LEASE);
        assertEquals(1, claimed.size());
        OutboxItem item = claimed.get(0);
        assertEquals(OutboxStatus.SENDING, item.status());
        assertEquals(1, item.attempts());
        assertEquals(clock.instant().plus(LEASE), item.nextAttemptAt());
        assertTrue(outbox.claimDue(clock.instant(), 10, LEASE).isEmpty(), "leased");
        clock.advance(LEASE.minusSeconds(1));
        assertTrue(outbox.claimDue(clock.instant(), 10, LEASE).isEmpty(), "still leased");
        clock.advance(Duration.ofSeconds(1));
        List<OutboxItem> again = outbox.claimDue(clock.instant(), 10, LEASE);
        assertEquals(1, again.size(), "an unsettled claim expires: its claimer died");
        assertEquals(2, again.get(0).attempts());
        assertEquals(
                item.idempotencyKey(), again.get(0).idempotencyKey(), "same key on every attempt");
    }

    @Test
    void futureItemsAndTheLimitAreRespected() {
        outbox.enqueue(
                List.of(entry("inbox", 1), entry("inbox", 2), entry("inbox", 3)), clock.instant());
        assertTrue(
                outbox.claimDue(clock.instant().minusMillis(1), 10, LEASE).isEmpty(),
                "not due yet");
        assertEquals(2, outbox.claimDue(clock.instant(), 2, LEASE).size());
        assertEquals(1, outbox.claimDue(clock.instant(), 2, LEASE).size());
    }

    @Test
    void concurrentDispatchersNeverClaimTheSameItem() throws Exception {
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < 60; i++) entries.add(entry("inbox", i));
        outbox.enqueue(entries, clock.instant());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Long>>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                workers.add(
                        () -> {
                            List<Long> mine = new ArrayList<>();
                            List<OutboxItem> batch;
                            while (!(batch = outbox.claimDue(clock.instant(), 5, LEASE))
                                    .isEmpty()) {
                                batch.forEach(i -> mine.add(i.id()));
                            }
                            return mine;
                        });
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : pool.invokeAll(workers)) all.addAll(f.get());
            assertEquals(60, all.size(), "every item claimed once");
            assertEquals(60, new HashSet<>(all).size(), "no item claimed twice");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStaleClaimCannotOverwriteALaterOne() {
        outbox.enqueue(List.of(entry("inbox", 1)), clock.instant());
        OutboxItem stale = outbox.claimDue(clock.instant(), 1, LEASE).get(0);
        clock.advance(LEASE);
        OutboxItem fresh = outbox.claimDue(clock.instant(), 1, LEASE).get(0);
        outbox.markDelivered(fresh, clock.instant());
        outbox.markFailed(stale, "late failure report", clock.instant().plusSeconds(30));
        OutboxItem now = outbox.list(null, 1).get(0);
        assertEquals(OutboxStatus.DELIVERED, now.status());
        assertNull(now.lastError());
        assertEquals(clock.instant(), now.deliveredAt());
        outbox.markDelivered(stale, clock.instant().plusSeconds(99));
        assertEquals(
                clock.instant(),
                outbox.list(null, 1).get(0).deliveredAt(),
                "marking twice changes nothing");
    }

    @Test
    void theInboxKeepsOneMessagePerDeliveryKey() {
        InboxMessage m = new InboxMessage(clock.instant(), 4, "title", "body");
        assertTrue(inbox.add("akguard-1-1", m));
        assertTrue(!inbox.add("akguard-1-1", m));
        assertTrue(
                inbox.add(
                        "akguard-2-1",
                        new InboxMessage(clock.instant().plusSeconds(1), 5, "t2", "b2")));
        List<InboxMessage> latest = inbox.latest(10);
        assertEquals(2, latest.size());
        assertEquals("t2", latest.get(0).title(), "newest first");
        assertEquals(m, latest.get(1));
        assertEquals(1, inbox.latest(1).size());
    }

    // ---- dispatching ----

    private NotificationSettings settings() {
        NotificationSettings s = new NotificationSettings();
        NotificationSettings.Webhook w = new NotificationSettings.Webhook();
        w.name = "ops";
        w.url = receiver.url("/hook");
        w.secretEnv = "HOOK_SECRET";
        w.timeoutSeconds = 5;
        s.webhooks.add(w);
        return s;
    }

    private Map<String, Channel> channels() {
        return Channels.fromSettings(
                settings(),
                inbox,
                Map.of("HOOK_SECRET", "hook-signing-key")::get,
                dev.akguard.monitor.notify.channel.WebhookChannel.defaultHttpClient(),
                clock);
    }

    private void queueValidLeak(long alertId) {
        AlertNotification a =
                new AlertNotification(
                        alertId,
                        TestKeys.accessKeyId(),
                        Redaction.secret(TestKeys.secret()),
                        Validity.VALID,
                        null,
                        "acme/app",
                        ".env",
                        1,
                        null);
        outbox.enqueue(new Notifier(settings(), clock).plan(a), clock.instant());
    }

    @Test
    void theDispatcherDeliversToEveryChannelOnce() {
        queueValidLeak(1);
        queueValidLeak(2);
        Dispatcher d = new Dispatcher(outbox, channels(), RETRY, clock, LEASE, 10);
        assertEquals(new DispatchReport(4, 0, 0), d.drain());
        assertEquals(new DispatchReport(0, 0, 0), d.drain());
        assertEquals(2, inbox.latest(10).size());
        assertEquals(2, receiver.requests().size());
        assertEquals(4, outbox.list(OutboxStatus.DELIVERED, 10).size());
    }

    @Test
    void failuresBackOffExponentiallyThenSucceed() {
        queueValidLeak(1);
        receiver.thenReply(503, "down").thenReply(500, "still down");
        Dispatcher d = new Dispatcher(outbox, channels(), RETRY, clock, LEASE, 10);
        assertEquals(new DispatchReport(1, 1, 0), d.drain(), "inbox delivered, webhook failed");
        OutboxItem hook = outbox.list(OutboxStatus.PENDING, 10).get(0);
        assertEquals("webhook:ops", hook.channel());
        assertEquals(clock.instant().plusSeconds(30), hook.nextAttemptAt());
        assertTrue(hook.lastError().contains("HTTP 503 down"), hook.lastError());
        clock.advance(Duration.ofSeconds(29));
        assertEquals(DispatchReport.EMPTY, d.drain(), "not due yet");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(new DispatchReport(0, 1, 0), d.drain());
        assertEquals(
                clock.instant().plusSeconds(60),
                outbox.list(OutboxStatus.PENDING, 10).get(0).nextAttemptAt(),
                "doubled");
        clock.advance(Duration.ofSeconds(60));
        assertEquals(new DispatchReport(1, 0, 0), d.drain());
        OutboxItem done =
                outbox.list(OutboxStatus.DELIVERED, 10).stream()
                        .filter(i -> i.channel().equals("webhook:ops"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(3, done.attempts());
        assertEquals(3, receiver.requests().size());
        assertEquals(
                1,
                receiver.requests().stream()
                        .map(r -> r.header("Idempotency-Key"))
                        .distinct()
                        .count());
    }

    @Test
    void afterMaxAttemptsTheItemIsDeadAndCanBeRevived() {
        queueValidLeak(1);
        for (int i = 0; i < 3; i++) receiver.thenReply(500, "x");
        Dispatcher d = new Dispatcher(outbox, channels(), RETRY, clock, LEASE, 10);
        d.drain();
        clock.advance(Duration.ofSeconds(30));
        assertEquals(new DispatchReport(0, 1, 0), d.drain());
        clock.advance(Duration.ofSeconds(60));
        assertEquals(new DispatchReport(0, 0, 1), d.drain(), "third attempt was the last");
        clock.advance(Duration.ofDays(1));
        assertEquals(DispatchReport.EMPTY, d.drain());
        assertEquals(1, outbox.list(OutboxStatus.DEAD, 10).size());
        assertEquals(1, outbox.reviveDead(clock.instant()));
        assertEquals(new DispatchReport(1, 0, 0), d.drain());
    }

    @Test
    void permanentFailuresAndUnreadablePayloadsDieAtOnce() {
        queueValidLeak(1);
        outbox.enqueue(List.of(new OutboxEntry("inbox", 99, "leak", "not json")), clock.instant());
        receiver.thenReply(404, "no such hook");
        Dispatcher d = new Dispatcher(outbox, channels(), RETRY, clock, LEASE, 10);
        assertEquals(new DispatchReport(1, 0, 2), d.drain());
        List<OutboxItem> dead = outbox.list(OutboxStatus.DEAD, 10);
        assertTrue(
                dead.stream().anyMatch(i -> i.lastError().contains("HTTP 404")), dead.toString());
        assertTrue(
                dead.stream()
                        .anyMatch(i -> i.lastError().startsWith("unreadable notification payload")),
                dead.toString());
    }

    @Test
    void itemsForARemovedChannelWaitForItWithBackoff() {
        queueValidLeak(1);
        Map<String, Channel> onlyInbox = new LinkedHashMap<>(channels());
        onlyInbox.remove("webhook:ops");
        assertEquals(
                new DispatchReport(1, 1, 0),
                new Dispatcher(outbox, onlyInbox, RETRY, clock, LEASE, 10).drain());
        assertTrue(
                outbox.list(OutboxStatus.PENDING, 10)
                        .get(0)
                        .lastError()
                        .contains("channel webhook:ops is not configured"));
    }

    // ---- crashes ----

    /** Stands for the process dying: the dispatcher does not catch it, the drain ends mid-way. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash");
        }
    }

    /**
     * Delegates to the real outbox but "dies" the first time it is asked to mark an item of each
     * channel delivered.
     */
    private static final class DiesBeforeMarkingDelivered implements Outbox {
        private final Outbox real;
        private final Set<String> crashedFor = new HashSet<>();

        DiesBeforeMarkingDelivered(Outbox real) {
            this.real = real;
        }

        @Override
        public int enqueue(List<OutboxEntry> e, Instant now) {
            return real.enqueue(e, now);
        }

        @Override
        public List<OutboxItem> claimDue(Instant now, int limit, Duration lease) {
            return real.claimDue(now, limit, lease);
        }

        @Override
        public void markDelivered(OutboxItem item, Instant now) {
            if (crashedFor.add(item.channel())) throw new SimulatedCrash();
            real.markDelivered(item, now);
        }

        @Override
        public void markFailed(OutboxItem item, String error, Instant retryAt) {
            real.markFailed(item, error, retryAt);
        }

        @Override
        public List<OutboxItem> list(OutboxStatus s, int limit) {
            return real.list(s, limit);
        }

        @Override
        public int reviveDead(Instant now) {
            return real.reviveDead(now);
        }
    }

    @Test
    void aCrashBetweenSendingAndMarkingDeliveredShowsNoDuplicate() {
        queueValidLeak(1); // item 1: inbox, item 2: webhook
        DiesBeforeMarkingDelivered dying = new DiesBeforeMarkingDelivered(outbox);

        // run 1: the inbox message is stored, then the process dies before marking it delivered
        assertThrows(
                SimulatedCrash.class,
                () -> new Dispatcher(dying, channels(), RETRY, clock, LEASE, 10).drain());
        assertEquals(1, inbox.latest(10).size());
        assertEquals(0, receiver.requests().size());
        assertEquals(0, outbox.list(OutboxStatus.DELIVERED, 10).size());
        assertEquals(
                DispatchReport.EMPTY,
                new Dispatcher(outbox, channels(), RETRY, clock, LEASE, 10).drain(),
                "the dead process's claim is leased: nothing is re-sent before the lease ends");

        // run 2, after the lease: the inbox delivery repeats (a no-op), the webhook is sent, the
        // process dies again
        clock.advance(LEASE);
        assertThrows(
                SimulatedCrash.class,
                () -> new Dispatcher(dying, channels(), RETRY, clock, LEASE, 10).drain());
        assertEquals(1, outbox.list(OutboxStatus.DELIVERED, 10).size());
        assertEquals(1, receiver.requests().size());

        // run 3: the webhook is sent again and settled
        clock.advance(LEASE);
        assertEquals(
                new DispatchReport(1, 0, 0),
                new Dispatcher(dying, channels(), RETRY, clock, LEASE, 10).drain());

        assertEquals(1, inbox.latest(10).size(), "the inbox shows the notification exactly once");
        List<WebhookReceiver.Request> got = receiver.requests();
        assertEquals(2, got.size(), "at-least-once on the wire");
        assertEquals(
                got.get(0).header("Idempotency-Key"),
                got.get(1).header("Idempotency-Key"),
                "both copies carry the same idempotency key, so the receiver keeps one");
        assertEquals(got.get(0).bodyText(), got.get(1).bodyText(), "and the same content");
        List<OutboxItem> delivered = outbox.list(OutboxStatus.DELIVERED, 10);
        assertEquals(2, delivered.size());
        assertEquals(List.of(2, 3), delivered.stream().map(OutboxItem::attempts).toList());
    }

    @Test
    void aCrashRightAfterClaimingLosesNothing() {
        queueValidLeak(1);
        queueValidLeak(2);
        // a dispatcher claims a batch and is killed before sending anything
        List<OutboxItem> orphaned = outbox.claimDue(clock.instant(), 3, LEASE);
        assertEquals(3, orphaned.size());
        Dispatcher restarted = new Dispatcher(outbox, channels(), RETRY, clock, LEASE, 10);
        assertEquals(
                new DispatchReport(1, 0, 0), restarted.drain(), "only the unclaimed item is due");
        clock.advance(LEASE);
        assertEquals(new DispatchReport(3, 0, 0), restarted.drain());
        assertEquals(2, inbox.latest(10).size());
        assertEquals(2, receiver.requests().size());
        assertEquals(
                2,
                receiver.requests().stream()
                        .map(r -> r.header("Idempotency-Key"))
                        .distinct()
                        .count());
        assertEquals(4, outbox.list(OutboxStatus.DELIVERED, 10).size());
    }

    @Test
    void aChannelThatThrowsUnexpectedlyIsRetriedNotFatal() {
        queueValidLeak(1);
        Map<String, Channel> channels = new LinkedHashMap<>(channels());
        AtomicInteger calls = new AtomicInteger();
        channels.put(
                "webhook:ops",
                new Channel() {
                    @Override
                    public String id() {
                        return "webhook:ops";
                    }

                    @Override
                    public void deliver(dev.akguard.monitor.notify.channel.Delivery d)
                            throws DeliveryException {
                        if (calls.incrementAndGet() == 1) throw new IllegalStateException("bug");
                    }
                });
        Dispatcher d = new Dispatcher(outbox, channels, RETRY, clock, LEASE, 10);
        assertEquals(new DispatchReport(1, 1, 0), d.drain());
        assertNotNull(outbox.list(OutboxStatus.PENDING, 1).get(0).lastError());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(new DispatchReport(1, 0, 0), d.drain());
        assertEquals(Collections.nCopies(1, 2), List.of(calls.get()));
    }
}
