package dev.akguard.monitor.anomaly;

import java.util.HashSet;
import java.util.Set;

/** An {@link AnomalyLedger} that forgets everything when the process ends. */
public final class InMemoryAnomalyLedger implements AnomalyLedger {
    private final Set<String> seen = new HashSet<>();

    @Override
    public synchronized boolean recordIfNew(RaisedAnomaly anomaly) {
        return seen.add(anomaly.dedupeKey());
    }
}
