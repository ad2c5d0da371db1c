package dev.akguard.monitor.anomaly;

import dev.akguard.monitor.model.Anomaly;

/**
 * An anomaly with its dedupe key: the same records always give the same key, so storing keys
 * (unique) makes re-running detection over overlapping windows raise nothing twice.
 */
public record RaisedAnomaly(String dedupeKey, Anomaly anomaly) {}
