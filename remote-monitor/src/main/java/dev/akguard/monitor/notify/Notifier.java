package dev.akguard.monitor.notify;

import dev.akguard.monitor.notify.outbox.OutboxEntry;
import java.time.Clock;
import java.util.List;

/**
 * Decides who hears about an alert or an anomaly and turns it into outbox entries, one per enabled
 * channel. The store queues them with {@link
 * dev.akguard.monitor.notify.outbox.JdbcOutbox#enqueue(java.sql.Connection, List,
 * java.time.Instant)} in the transaction that writes the alert; a {@link
 * dev.akguard.monitor.notify.outbox.Dispatcher} delivers them.
 */
public final class Notifier {
    private final NotificationSettings settings;
    private final Clock clock;

    public Notifier(NotificationSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Entries for a leak alert: none when the policy says its validity notifies no one. */
    public List<OutboxEntry> plan(AlertNotification alert) {
        if (!settings.policy.allows(alert.validity())) return List.of();
        return entries(Messages.leak(alert, clock.instant()));
    }

    /** Entries for an anomaly alert: none when anomaly notifications are switched off. */
    public List<OutboxEntry> plan(AnomalyNotification anomaly) {
        if (!settings.notifyAnomalies) return List.of();
        return entries(Messages.anomaly(anomaly, clock.instant()));
    }

    private List<OutboxEntry> entries(Message m) {
        String payload = MessageCodec.encode(m);
        return settings.enabledChannels().stream()
                .map(ch -> new OutboxEntry(ch, m.alertId(), m.kind(), payload))
                .toList();
    }
}
