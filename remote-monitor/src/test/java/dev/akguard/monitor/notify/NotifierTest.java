package dev.akguard.monitor.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.monitor.model.Anomaly;
import dev.akguard.monitor.model.Validity;
import dev.akguard.monitor.notify.outbox.OutboxEntry;
import dev.akguard.monitor.redact.Redaction;
import dev.akguard.testkit.fixtures.MutableClock;
import dev.akguard.testkit.fixtures.TestKeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotifierTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final String keyId = TestKeys.accessKeyId();

    private AlertNotification alert(Validity v) {
        return new AlertNotification(
                5,
                keyId,
                Redaction.secret(TestKeys.secret()),
                v,
                null,
                "acme/app",
                "a.env",
                1,
                null);
    }

    private NotificationSettings twoChannels() {
        NotificationSettings s =
                NotificationSettings.fromJson(
                        """
                {"webhooks": [{"name": "ops", "format": "SLACK", "url": "https://hooks.slack.com/services/x"}]}""");
        return s;
    }

    @Test
    void validLeaksGoToEveryEnabledChannel() {
        List<OutboxEntry> entries = new Notifier(twoChannels(), clock).plan(alert(Validity.VALID));
        assertEquals(
                List.of("inbox", "webhook:ops"),
                entries.stream().map(OutboxEntry::channel).toList());
        for (OutboxEntry e : entries) {
            assertEquals(5, e.alertId());
            assertEquals("leak", e.kind());
            Message m = MessageCodec.decode(e.payload());
            assertEquals(clock.instant(), m.createdAt());
            assertTrue(m.title().contains(keyId));
        }
    }

    @Test
    void onlyValidLeaksNotifyByDefault() {
        Notifier n = new Notifier(twoChannels(), clock);
        for (Validity v :
                List.of(
                        Validity.INVALID,
                        Validity.DISABLED,
                        Validity.UNKNOWN,
                        Validity.UNVERIFIED)) {
            assertTrue(n.plan(alert(v)).isEmpty(), v.name());
        }
        NotificationSettings always = twoChannels();
        always.policy = NotifyPolicy.ALWAYS;
        assertEquals(2, new Notifier(always, clock).plan(alert(Validity.INVALID)).size());
    }

    @Test
    void anomaliesNotifyUnlessSwitchedOff() {
        AnomalyNotification a =
                new AnomalyNotification(
                        9,
                        new Anomaly(
                                "root-key", keyId, clock.instant(), "root key used", List.of()));
        assertEquals(2, new Notifier(twoChannels(), clock).plan(a).size());
        NotificationSettings off = twoChannels();
        off.notifyAnomalies = false;
        assertTrue(new Notifier(off, clock).plan(a).isEmpty());
    }

    @Test
    void noChannelsNoEntries() {
        NotificationSettings none =
                NotificationSettings.fromJson("{\"inbox\": {\"enabled\": false}}");
        assertTrue(new Notifier(none, clock).plan(alert(Validity.VALID)).isEmpty());
    }
}
