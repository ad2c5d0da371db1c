package dev.akguard.monitor.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.model.Anomaly;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.notify.outbox.DispatchReport;
import dev.akguard.monitor.notify.outbox.OutboxStatus;
import dev.akguard.monitor.settings.FileSettingsStore;
import dev.akguard.monitor.settings.SettingsException;
import dev.akguard.monitor.store.Database;
import dev.akguard.monitor.testing.TestAlerts;
import dev.akguard.testkit.fixtures.MutableClock;
import dev.akguard.testkit.fixtures.TestKeys;
import dev.akguard.testkit.fixtures.WebhookReceiver;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade the CLI wires: settings, queueing in the alert's transaction, delivery, test, inbox.
 */
class NotificationServiceTest {
    @TempDir Path dir;

    @Test
    void settingsQueueDeliverInboxAndRetryDead() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("m.db");
        Database db = Database.open(url);
        TestAlerts.seed(db, 1, 200); // the outbox and inbox reference alerts
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            NotificationService svc =
                    new NotificationService(
                            new FileSettingsStore(dir.resolve("notify.json")),
                            db,
                            Map.of("S", "k")::get,
                            clock);
            assertEquals(
                    List.of("inbox"),
                    svc.settings().enabledChannels(),
                    "defaults before anything is saved");

            NotificationSettings s = svc.settings();
            s.retry.maxAttempts = 1;
            NotificationSettings.Webhook w = new NotificationSettings.Webhook();
            w.name = "ops";
            w.url = receiver.url("/h");
            w.secretEnv = "S";
            s.webhooks.add(w);
            svc.saveSettings(s);
            assertEquals(List.of(), svc.warnings(), "S is set in this service's environment");
            NotificationSettings bad = svc.settings();
            bad.webhooks.get(0).url = "ftp://x";
            assertThrows(SettingsException.class, () -> svc.saveSettings(bad));
            assertEquals(
                    List.of("inbox", "webhook:ops"),
                    svc.settings().enabledChannels(),
                    "a rejected save changes nothing");

            try (Connection tx = db.connect()) {
                tx.setAutoCommit(false);
                assertEquals(
                        2,
                        svc.enqueue(
                                tx,
                                new AlertNotification(
                                        1,
                                        TestKeys.accessKeyId(),
                                        "abc…",
                                        Validity.VALID,
                                        null,
                                        "a/b",
                                        "f",
                                        1,
                                        null)));
                assertEquals(
                        0,
                        svc.enqueue(
                                tx,
                                new AlertNotification(
                                        2,
                                        TestKeys.accessKeyId(),
                                        "abc…",
                                        Validity.DISABLED,
                                        null,
                                        "a/b",
                                        "f",
                                        1,
                                        null)));
                assertEquals(
                        2,
                        svc.enqueue(
                                tx,
                                new AnomalyNotification(
                                        3,
                                        new Anomaly(
                                                "root-key",
                                                TestKeys.accessKeyId(),
                                                clock.instant(),
                                                "root key used",
                                                List.of()))));
                tx.commit();
            }
            receiver.thenReply(500, "x");
            assertEquals(
                    new DispatchReport(3, 0, 1),
                    svc.deliverDue(),
                    "one webhook failure, and maxAttempts is 1");
            assertEquals(2, svc.inbox(10).size());
            assertEquals(1, svc.outbox(OutboxStatus.DEAD, 10).size());
            assertEquals(1, svc.retryDead());
            assertEquals(new DispatchReport(1, 0, 0), svc.deliverDue());
            assertTrue(svc.outbox(OutboxStatus.DEAD, 10).isEmpty());

            clock.advance(Duration.ofMinutes(1));
            List<NotificationTester.Result> results = svc.test();
            assertEquals(2, results.size());
            assertTrue(
                    results.stream().allMatch(NotificationTester.Result::ok), results.toString());
        }
    }
}
