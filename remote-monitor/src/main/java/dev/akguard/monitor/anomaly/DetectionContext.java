package dev.akguard.monitor.anomaly;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the rules know besides the call records.
 *
 * @param leakedAt when each leaked AccessKey ID was first seen leaking (keys not in the map never
 *     leaked)
 * @param since report only anomalies triggered at or after this instant (null: all); earlier
 *     records still count as history for the rate and shared-IP rules
 */
public record DetectionContext(Map<String, Instant> leakedAt, Instant since) {
    public DetectionContext {
        leakedAt = leakedAt == null ? Map.of() : Map.copyOf(leakedAt);
    }

    public static DetectionContext of(Map<String, Instant> leakedAt) {
        return new DetectionContext(leakedAt, null);
    }

    public Optional<Instant> leakTime(String accessKeyId) {
        return Optional.ofNullable(leakedAt.get(accessKeyId));
    }

    /** True when something that happened at {@code t} is inside the reporting period. */
    public boolean reportable(Instant t) {
        return since == null || !t.isBefore(since);
    }
}
