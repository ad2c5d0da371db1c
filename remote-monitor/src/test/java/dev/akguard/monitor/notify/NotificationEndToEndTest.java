package dev.akguard.monitor.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import dev.akguard.monitor.anomaly.AnomalyDetector;
import dev.akguard.monitor.anomaly.AnomalySettings;
import dev.akguard.monitor.anomaly.DetectionContext;
import dev.akguard.monitor.anomaly.InMemoryAnomalyLedger;
import dev.akguard.monitor.anomaly.RaisedAnomaly;
import dev.akguard.monitor.model.CallRecord;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.notify.channel.Channel;
import dev.akguard.monitor.notify.channel.WebhookChannel;
import dev.akguard.monitor.notify.outbox.DispatchReport;
import dev.akguard.monitor.notify.outbox.Dispatcher;
import dev.akguard.monitor.notify.outbox.InboxMessage;
import dev.akguard.monitor.notify.outbox.JdbcInbox;
import dev.akguard.monitor.notify.outbox.JdbcOutbox;
import dev.akguard.monitor.notify.outbox.OutboxEntry;
import dev.akguard.monitor.notify.outbox.OutboxStatus;
import dev.akguard.monitor.redact.Redaction;
import dev.akguard.monitor.settings.MemorySettingsStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.testing.TestAlerts;
import dev.akguard.testkit.fixtures.MutableClock;
import dev.akguard.testkit.fixtures.TestKeys;
import dev.akguard.testkit.fixtures.WebhookReceiver;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A leak (and an anomaly) through settings, outbox and dispatcher to an SMTP server, a webhook and
 * the inbox.
 */
class NotificationEndToEndTest {
    private static final String SMTP_PASSWORD = TestKeys.random(20);
    private static final String HOOK_SECRET = TestKeys.random(32);
    private static final Map<String, String> ENV =
            Map.of("AKGUARD_SMTP_PASSWORD", SMTP_PASSWORD, "OPS_HOOK_SECRET", HOOK_SECRET);

    @RegisterExtension
    static final GreenMailExtension MAIL =
            new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(
                            GreenMailConfiguration.aConfig()
                                    .withUser("akguard@example.com", "akguard", SMTP_PASSWORD));

    @TempDir Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private WebhookReceiver receiver;
    private Database db;
    private JdbcOutbox outbox;
    private JdbcInbox inbox;
    private NotificationSettings settings;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new WebhookReceiver();
        String url = "jdbc:sqlite:" + dir.resolve("monitor.db");
        db = Database.open(url);
        TestAlerts.seed(db, 1, 300); // the outbox and inbox reference alerts
        outbox = new JdbcOutbox(db);
        inbox = new JdbcInbox(db);
        // configured the way `monitor notify set` would, then read back from the store
        MemorySettingsStore store = new MemorySettingsStore();
        NotificationSettings s =
                NotificationSettings.fromJson(
                        """
                {"email": {"enabled": true, "host": "127.0.0.1", "port": %d, "starttls": "OPTIONAL", "username": "akguard",
                           "from": "akguard@example.com", "recipients": ["security@example.com"], "timeoutSeconds": 5},
                 "webhooks": [{"name": "ops", "format": "GENERIC", "url": "%s", "secretEnv": "OPS_HOOK_SECRET", "timeoutSeconds": 5}]}
                """
                                .formatted(MAIL.getSmtp().getPort(), receiver.url("/akguard")));
        s.save(store);
        settings = NotificationSettings.load(store);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    private Map<String, Channel> channels() {
        return Channels.fromSettings(
                settings, inbox, ENV::get, WebhookChannel.defaultHttpClient(), clock);
    }

    private Dispatcher dispatcher() {
        return new Dispatcher(
                outbox, channels(), settings.backoff(), clock, Duration.ofMinutes(5), 50);
    }

    /**
     * What the watcher does when it records a leak: the alert and its notifications in one
     * transaction.
     */
    private int recordLeak(AlertNotification alert) throws Exception {
        List<OutboxEntry> entries = new Notifier(settings, clock).plan(alert);
        try (Connection tx = db.connect()) {
            tx.setAutoCommit(false);
            int n = JdbcOutbox.enqueue(tx, entries, clock.instant());
            tx.commit();
            return n;
        }
    }

    private static String hmacHex(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aValidLeakReachesEmailWebhookAndInbox() throws Exception {
        String keyId = TestKeys.accessKeyId();
        String secret = TestKeys.secret();
        assertEquals(
                3,
                recordLeak(
                        new AlertNotification(
                                101,
                                keyId,
                                Redaction.secret(secret),
                                Validity.VALID,
                                "1000000000000001",
                                "acme/shop",
                                "conf/prod.properties",
                                9,
                                "https://github.com/acme/shop/blob/main/conf/prod.properties#L9")));
        assertEquals(new DispatchReport(3, 0, 0), dispatcher().drain());

        assertTrue(MAIL.waitForIncomingEmail(5000, 1));
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertEquals("[akguard] AccessKey leak: " + keyId + " (VALID)", mail.getSubject());
        assertFalse(((String) mail.getContent()).contains(secret));

        WebhookReceiver.Request hook = receiver.requests().get(0);
        String ts = hook.header("X-Akguard-Timestamp");
        assertEquals(
                "sha256=" + hmacHex(HOOK_SECRET, ts + "." + hook.bodyText()),
                hook.header("X-Akguard-Signature"));
        assertTrue(hook.bodyText().contains("\"alertId\":101"));
        assertFalse(hook.bodyText().contains(secret));

        List<InboxMessage> box = inbox.latest(10);
        assertEquals(1, box.size());
        assertEquals(101, box.get(0).alertId());
        assertEquals(clock.instant(), box.get(0).at());
        assertEquals("AccessKey leak: " + keyId + " (VALID)", box.get(0).title());
        assertTrue(box.get(0).body().contains("conf/prod.properties:9"));
        assertFalse(box.get(0).body().contains(secret));
    }

    @Test
    void anInvalidLeakNotifiesNoOne() throws Exception {
        assertEquals(
                0,
                recordLeak(
                        new AlertNotification(
                                102,
                                TestKeys.accessKeyId(),
                                Redaction.secret(TestKeys.secret()),
                                Validity.INVALID,
                                null,
                                "acme/shop",
                                "a.txt",
                                1,
                                null)));
        assertEquals(DispatchReport.EMPTY, dispatcher().drain());
        assertEquals(0, MAIL.getReceivedMessages().length);
        assertEquals(0, receiver.requests().size());
        assertTrue(inbox.latest(10).isEmpty());
    }

    @Test
    void reVerifyingALeakDoesNotNotifyTwice() throws Exception {
        AlertNotification a =
                new AlertNotification(
                        103,
                        TestKeys.accessKeyId(),
                        Redaction.secret(TestKeys.secret()),
                        Validity.VALID,
                        null,
                        "acme/shop",
                        "a.txt",
                        1,
                        null);
        assertEquals(3, recordLeak(a));
        dispatcher().drain();
        clock.advance(Duration.ofHours(1));
        assertEquals(0, recordLeak(a), "same alert, same channels: already queued");
        assertEquals(DispatchReport.EMPTY, dispatcher().drain());
        assertEquals(1, inbox.latest(10).size());
    }

    @Test
    void aCrashBeforeTheEmailIsMarkedSentResendsWithTheSameMessageId() throws Exception {
        recordLeak(
                new AlertNotification(
                        104,
                        TestKeys.accessKeyId(),
                        Redaction.secret(TestKeys.secret()),
                        Validity.VALID,
                        null,
                        "acme/shop",
                        "a.txt",
                        1,
                        null));
        // run 1: deliver, but "die" right after the email goes out (simulated by marking nothing)
        var claimed = outbox.claimDue(clock.instant(), 10, Duration.ofMinutes(5));
        Map<String, Channel> channels = channels();
        for (var item : claimed) {
            channels.get(item.channel())
                    .deliver(
                            new dev.akguard.monitor.notify.channel.Delivery(
                                    item.idempotencyKey(), MessageCodec.decode(item.payload())));
        }
        // run 2 after restart and lease expiry
        clock.advance(Duration.ofMinutes(5));
        assertEquals(new DispatchReport(3, 0, 0), dispatcher().drain());
        assertEquals(3, outbox.list(OutboxStatus.DELIVERED, 10).size());
        assertEquals(1, inbox.latest(10).size(), "inbox: exactly once");
        assertTrue(MAIL.waitForIncomingEmail(5000, 2));
        MimeMessage[] mails = MAIL.getReceivedMessages();
        assertEquals(2, mails.length, "SMTP is at-least-once: the mail went out twice");
        assertEquals(
                mails[0].getMessageID(),
                mails[1].getMessageID(),
                "with one Message-ID, so clients fold the copies");
        assertEquals(2, receiver.requests().size());
        assertEquals(
                1,
                receiver.requests().stream()
                        .map(r -> r.header("Idempotency-Key"))
                        .distinct()
                        .count());
    }

    @Test
    void anomaliesFlowThroughTheSameChannels() {
        String keyId = TestKeys.accessKeyId();
        AnomalyDetector detector = AnomalyDetector.fromSettings(AnomalySettings.defaults(), null);
        List<CallRecord> calls =
                List.of(
                        new CallRecord(
                                clock.instant(),
                                "CreateUser",
                                "ram",
                                "203.0.113.9",
                                "cn-hangzhou",
                                "Write",
                                null,
                                "python-requests/2.31",
                                "alice",
                                keyId,
                                "1000000000000001",
                                "ram-user",
                                "evt-1"));
        List<RaisedAnomaly> raised =
                detector.detectNew(
                        calls,
                        DetectionContext.of(Map.of(keyId, clock.instant().minusSeconds(60))),
                        new InMemoryAnomalyLedger());
        assertEquals(2, raised.size(), "sensitive API and use after the leak");
        long alertId = 200;
        for (RaisedAnomaly r : raised) {
            outbox.enqueue(
                    new Notifier(settings, clock)
                            .plan(new AnomalyNotification(alertId++, r.anomaly())),
                    clock.instant());
        }
        assertEquals(new DispatchReport(6, 0, 0), dispatcher().drain());
        List<String> titles = inbox.latest(10).stream().map(InboxMessage::title).sorted().toList();
        assertEquals(
                List.of(
                        "Abnormal AccessKey call: Leaked key used after the leak (" + keyId + ")",
                        "Abnormal AccessKey call: Sensitive API called (" + keyId + ")"),
                titles);
        assertEquals(2, receiver.requests().size());
    }

    @Test
    void notifyTestReportsEachChannel() {
        settings.webhooks.get(0).url = "http://127.0.0.1:1/down";
        List<NotificationTester.Result> results = NotificationTester.test(channels(), clock);
        assertEquals(
                List.of("inbox", "email", "webhook:ops"),
                results.stream().map(NotificationTester.Result::channel).toList());
        assertTrue(results.get(0).ok());
        assertTrue(results.get(1).ok(), String.valueOf(results.get(1).error()));
        assertFalse(results.get(2).ok());
        assertTrue(results.get(2).error().contains("cannot reach"), results.get(2).error());
        assertEquals("akguard test notification", inbox.latest(1).get(0).title());
        assertTrue(MAIL.waitForIncomingEmail(5000, 1));
    }
}
