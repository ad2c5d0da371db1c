package dev.akguard.monitor.calls;

import dev.akguard.monitor.model.AlertStatus;
import dev.akguard.monitor.model.Anomaly;
import dev.akguard.monitor.model.HandlingMethod;
import dev.akguard.monitor.store.HistoryEntry;
import java.time.Instant;
import java.util.List;

/**
 * An anomaly raised as an alert of its own kind: its own id, the leak alert of its key (null when
 * the key has none), the same handling states as a leak alert, and its history.
 */
public record StoredAnomaly(
        long id,
        Anomaly anomaly,
        Long alertId,
        AlertStatus status,
        HandlingMethod handlingMethod,
        Instant foundAt,
        List<HistoryEntry> history) {}
