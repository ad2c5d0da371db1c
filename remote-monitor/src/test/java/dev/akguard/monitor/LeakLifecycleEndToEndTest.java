package dev.akguard.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import dev.akguard.monitor.alibaba.AdminCredentials;
import dev.akguard.monitor.alibaba.AlibabaEndpoint;
import dev.akguard.monitor.alibaba.CallRecordClient;
import dev.akguard.monitor.alibaba.KeyValidator;
import dev.akguard.monitor.alibaba.RateLimiter;
import dev.akguard.monitor.anomaly.AnomalyDetector;
import dev.akguard.monitor.anomaly.AnomalySettings;
import dev.akguard.monitor.anomaly.DetectionContext;
import dev.akguard.monitor.anomaly.InMemoryAnomalyLedger;
import dev.akguard.monitor.anomaly.RaisedAnomaly;
import dev.akguard.monitor.model.CallRecord;
import dev.akguard.monitor.model.KeyCheck;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.notify.AlertNotification;
import dev.akguard.monitor.notify.AnomalyNotification;
import dev.akguard.monitor.notify.NotificationService;
import dev.akguard.monitor.notify.NotificationSettings;
import dev.akguard.monitor.notify.channel.WebhookSignature;
import dev.akguard.monitor.notify.outbox.DispatchReport;
import dev.akguard.monitor.notify.outbox.InboxMessage;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.settings.MemorySettingsStore;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.testing.TestAlerts;
import dev.akguard.testkit.alibaba.AlibabaCloudEmulator;
import dev.akguard.testkit.alibaba.EmulatedAccount;
import dev.akguard.testkit.alibaba.EmulatedKey;
import dev.akguard.testkit.alibaba.TrailEvent;
import dev.akguard.testkit.fixtures.MutableClock;
import dev.akguard.testkit.fixtures.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's end-to-end path on loopback: a leaked pair is found in a file, verified VALID through
 * the official SDK against the Alibaba Cloud emulator, its ActionTrail calls since the leak are
 * fetched, anomalies are raised, and the leak and each anomaly are notified (inbox and a signed
 * webhook) through the outbox.
 */
class LeakLifecycleEndToEndTest {
    private static final Backoff FAST =
            Backoff.jittered(3, Duration.ofMillis(10), Duration.ofMillis(50));

    @TempDir Path dir;
    private AlibabaCloudEmulator emu;
    private WebhookReceiver receiver;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void start() throws Exception {
        emu = AlibabaCloudEmulator.start();
        emu.trail().noRateLimit();
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
        emu.close();
    }

    @Test
    void foundVerifiedCallsFetchedAnomaliesRaisedAndEveryoneTold() throws Exception {
        EmulatedAccount account = emu.addAccount();
        EmulatedKey leaked = account.addUser("ci").addKey();
        EmulatedKey admin = account.addUser("security-admin").addKey();
        EmulatedKey bob = account.addUser("bob").addKey();
        EmulatedKey carol = account.addUser("carol").addKey();

        // 1. found: the engine sees the pair in a pushed file
        String file =
                "ALIBABA_CLOUD_ACCESS_KEY_ID="
                        + leaked.id()
                        + "\nALIBABA_CLOUD_ACCESS_KEY_SECRET="
                        + leaked.secret()
                        + "\n";
        List<Finding> findings = Engine.defaults().scan(file, "deploy/prod.env");
        Finding pair =
                findings.stream()
                        .filter(f -> f.ruleId().equals("alibaba-access-key-pair"))
                        .findFirst()
                        .orElseThrow();
        assertEquals(leaked.id(), pair.accessKeyId());
        Instant leakSeen = now.minus(Duration.ofHours(2));

        // 2. verified through the official SDK against the emulator
        KeyValidator validator =
                new KeyValidator(AlibabaEndpoint.override(emu.url()), FAST, Duration.ofSeconds(5));
        KeyCheck v = validator.validate(pair.accessKeyId(), pair.secret().value());
        assertEquals(Validity.VALID, v.validity());
        assertEquals(account.id(), v.accountId());

        // 3. calls since the leak: the attacker works from a listed address and touches RAM; the
        // same host
        //    also uses two colleagues' keys (from the same stash)
        emu.trail()
                .add(
                        TrailEvent.of(
                                leaked, "DescribeInstances", leakSeen.minus(Duration.ofHours(5))),
                        TrailEvent.of(
                                        leaked,
                                        "DescribeInstances",
                                        leakSeen.plus(Duration.ofMinutes(10)))
                                .with("sourceIpAddress", "198.51.100.23"),
                        TrailEvent.of(leaked, "CreateUser", leakSeen.plus(Duration.ofMinutes(11)))
                                .with("sourceIpAddress", "198.51.100.23"),
                        TrailEvent.of(
                                        leaked,
                                        "CreateAccessKey",
                                        leakSeen.plus(Duration.ofMinutes(12)))
                                .with("sourceIpAddress", "198.51.100.23"),
                        TrailEvent.of(
                                        bob,
                                        "DescribeInstances",
                                        leakSeen.plus(Duration.ofMinutes(13)))
                                .with("sourceIpAddress", "198.51.100.23"),
                        TrailEvent.of(carol, "ListBuckets", leakSeen.plus(Duration.ofMinutes(14)))
                                .with("sourceIpAddress", "198.51.100.23"));
        CallRecordClient trail =
                new CallRecordClient(
                        new AdminCredentials(admin.id(), admin.secret(), null, "test"),
                        AlibabaEndpoint.override(emu.url()),
                        FAST,
                        Duration.ofSeconds(5),
                        new RateLimiter(50));
        List<CallRecord> calls =
                new ArrayList<>(
                        trail.lookup(
                                leaked.id(),
                                leakSeen.minus(Duration.ofDays(1)),
                                now,
                                List.of("cn-hangzhou")));
        assertEquals(4, calls.size());
        for (EmulatedKey other : List.of(bob, carol)) {
            calls.addAll(
                    trail.lookup(
                            other.id(),
                            leakSeen.minus(Duration.ofDays(1)),
                            now,
                            List.of("cn-hangzhou")));
        }

        // 4. anomalies, with a threat list
        Files.writeString(dir.resolve("threats.txt"), "# test feed\n198.51.100.0/24\n");
        AnomalySettings as =
                AnomalySettings.fromJson("{\"threatIp\": {\"listFile\": \"threats.txt\"}}");
        List<RaisedAnomaly> raised =
                AnomalyDetector.fromSettings(as, dir)
                        .detectNew(
                                calls,
                                DetectionContext.of(Map.of(leaked.id(), leakSeen)),
                                new InMemoryAnomalyLedger());
        List<String> types =
                raised.stream().map(r -> r.anomaly().type()).distinct().sorted().toList();
        assertEquals(List.of("leaked-key-used", "sensitive-api", "shared-ip", "threat-ip"), types);

        // 5. notifications through the outbox: the leak alert and one alert per anomaly
        String url = "jdbc:sqlite:" + dir.resolve("monitor.db");
        Database db = Database.open(url);
        TestAlerts.seed(db, 1, 200); // the outbox and inbox reference alerts
        MutableClock clock = new MutableClock(now);
        NotificationService notify =
                new NotificationService(
                        new MemorySettingsStore(), db, Map.of("HOOK", "hook-key")::get, clock);
        NotificationSettings s = notify.settings();
        NotificationSettings.Webhook hook = new NotificationSettings.Webhook();
        hook.name = "secops";
        hook.url = receiver.url("/akguard");
        hook.secretEnv = "HOOK";
        s.webhooks.add(hook);
        notify.saveSettings(s);
        try (Connection tx = db.connect()) {
            tx.setAutoCommit(false);
            notify.enqueue(
                    tx,
                    new AlertNotification(
                            1,
                            pair.accessKeyId(),
                            pair.secretRedacted(),
                            v.validity(),
                            v.accountId(),
                            "acme/shop",
                            pair.path(),
                            pair.id().line(),
                            "https://github.com/acme/shop/blob/main/deploy/prod.env#L1"));
            long alertId = 100;
            for (RaisedAnomaly r : raised)
                notify.enqueue(tx, new AnomalyNotification(alertId++, r.anomaly()));
            tx.commit();
        }
        int expected = 1 + raised.size();
        assertEquals(new DispatchReport(2 * expected, 0, 0), notify.deliverDue());

        List<InboxMessage> inbox = notify.inbox(50);
        assertEquals(expected, inbox.size());
        assertTrue(
                inbox.stream()
                        .anyMatch(
                                m ->
                                        m.title()
                                                .equals(
                                                        "AccessKey leak: "
                                                                + leaked.id()
                                                                + " (VALID)")));
        assertTrue(
                inbox.stream()
                        .anyMatch(
                                m ->
                                        m.title()
                                                .startsWith(
                                                        "Abnormal AccessKey call: Call from a threat-list IP")));
        for (InboxMessage m : inbox) assertFalse(m.body().contains(leaked.secret()), m.title());
        assertEquals(expected, receiver.requests().size());
        for (WebhookReceiver.Request r : receiver.requests()) {
            assertTrue(
                    WebhookSignature.verify(
                            "hook-key",
                            r.header("X-Akguard-Timestamp"),
                            r.header("X-Akguard-Signature"),
                            r.body(),
                            clock.instant(),
                            Duration.ofMinutes(5)));
            assertFalse(r.bodyText().contains(leaked.secret()));
        }
    }

    @Test
    void aPairThatDoesNotWorkIsRecordedButNotifiesNoOne() throws Exception {
        EmulatedKey key = emu.addAccount().addUser("ci").addKey();
        String wrongSecret = new StringBuilder(key.secret()).reverse().toString();
        KeyCheck v =
                new KeyValidator(AlibabaEndpoint.override(emu.url()), FAST, Duration.ofSeconds(5))
                        .validate(key.id(), wrongSecret);
        assertEquals(Validity.INVALID, v.validity());
        String url = "jdbc:sqlite:" + dir.resolve("monitor.db");
        Database db = Database.open(url);
        TestAlerts.seed(db, 1, 200); // the outbox and inbox reference alerts
        NotificationService notify =
                new NotificationService(
                        new MemorySettingsStore(), db, n -> null, new MutableClock(now));
        try (Connection tx = db.connect()) {
            tx.setAutoCommit(false);
            assertEquals(
                    0,
                    notify.enqueue(
                            tx,
                            new AlertNotification(
                                    2,
                                    key.id(),
                                    wrongSecret.substring(0, 3) + "…",
                                    v.validity(),
                                    null,
                                    "acme/shop",
                                    "a.env",
                                    1,
                                    null)));
            tx.commit();
        }
        assertEquals(DispatchReport.EMPTY, notify.deliverDue());
        assertTrue(notify.inbox(10).isEmpty());
    }
}
