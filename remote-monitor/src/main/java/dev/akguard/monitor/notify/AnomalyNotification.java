package dev.akguard.monitor.notify;

import dev.akguard.monitor.model.Anomaly;

/** What an abnormal-call notification says: the anomaly, raised as an alert of its own kind. */
public record AnomalyNotification(long alertId, Anomaly anomaly) {
    public AnomalyNotification {
        if (anomaly == null) throw new IllegalArgumentException("anomaly is required");
    }
}
