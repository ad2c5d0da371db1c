package dev.akguard.monitor.anomaly;

/**
 * Remembers which anomalies were raised. The store module backs it with the {@code anomalies} table
 * (dedupe key unique); {@link InMemoryAnomalyLedger} serves tests and one-off runs.
 */
public interface AnomalyLedger {
    /** Records the anomaly; returns false when its dedupe key was recorded before (nothing new). */
    boolean recordIfNew(RaisedAnomaly anomaly);
}
