package dev.akguard.monitor.anomaly;

import dev.akguard.monitor.model.CallRecord;
import java.util.List;

/** One detection rule over call records. Rules are pure: same records and context, same result. */
public interface AnomalyRule {
    AnomalyType type();

    /**
     * @param records call records sorted by event time (records without a time or key are already
     *     removed)
     */
    List<RaisedAnomaly> evaluate(List<CallRecord> records, DetectionContext context);
}
