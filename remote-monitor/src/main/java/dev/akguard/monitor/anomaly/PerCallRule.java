package dev.akguard.monitor.anomaly;

import dev.akguard.monitor.model.Anomaly;
import dev.akguard.monitor.model.CallRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A rule that judges each call on its own. Matching calls are grouped per key, per subject (the IP,
 * the API, ...) and per UTC day, so a burst of a thousand calls is one anomaly with evidence, not a
 * thousand alerts, and the dedupe key (type, key, subject, day) does not move when the same records
 * are re-read.
 */
abstract class PerCallRule implements AnomalyRule {

    /** The subject the call is flagged for (e.g. the IP), or empty when the call is fine. */
    protected abstract Optional<String> subject(CallRecord call, DetectionContext context);

    /** One-line description of the group, e.g. "3 calls from threat-list IP 1.2.3.4". */
    protected abstract String detail(
            String accessKeyId, String subject, List<CallRecord> calls, DetectionContext context);

    @Override
    public final List<RaisedAnomaly> evaluate(List<CallRecord> records, DetectionContext context) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (CallRecord r : records) {
            if (!context.reportable(r.eventTime())) continue;
            Optional<String> subject = subject(r, context);
            if (subject.isEmpty()) continue;
            String key =
                    type().id()
                            + "|"
                            + r.accessKeyId()
                            + "|"
                            + subject.get()
                            + "|"
                            + CallEvidence.day(r.eventTime());
            groups.computeIfAbsent(key, k -> new Group(r.accessKeyId(), subject.get()))
                    .calls
                    .add(r);
        }
        List<RaisedAnomaly> out = new ArrayList<>();
        groups.forEach(
                (key, g) ->
                        out.add(
                                new RaisedAnomaly(
                                        key,
                                        new Anomaly(
                                                type().id(),
                                                g.accessKeyId,
                                                g.calls.get(0).eventTime(),
                                                detail(g.accessKeyId, g.subject, g.calls, context),
                                                CallEvidence.lines(g.calls)))));
        return out;
    }

    static String calls(int n) {
        return n == 1 ? "1 call" : n + " calls";
    }

    private static final class Group {
        final String accessKeyId;
        final String subject;
        final List<CallRecord> calls = new ArrayList<>();

        Group(String accessKeyId, String subject) {
            this.accessKeyId = accessKeyId;
            this.subject = subject;
        }
    }
}
