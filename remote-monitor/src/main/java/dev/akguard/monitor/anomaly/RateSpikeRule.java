package dev.akguard.monitor.anomaly;

import dev.akguard.monitor.model.Anomaly;
import dev.akguard.monitor.model.CallRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An hour in which a key made far more calls than its own history: count > median + k * max(MAD, 1)
 * over the previous hours (from the key's first observed call, at most {@code baselineHours} back,
 * silent hours counting as zero), and count >= {@code minCount}. Median and MAD ignore a few past
 * bursts, unlike a mean; the MAD floor of one call keeps a perfectly steady key from firing on one
 * extra call; the minimum count keeps a quiet key from firing on three calls. Keys with fewer than
 * {@code minHistoryHours} of history are not judged: there is no baseline to compare with.
 */
public final class RateSpikeRule implements AnomalyRule {
    private final double k;
    private final int minHistoryHours;
    private final int baselineHours;
    private final int minCount;

    public RateSpikeRule(double k, int minHistoryHours, int baselineHours, int minCount) {
        this.k = k;
        this.minHistoryHours = minHistoryHours;
        this.baselineHours = baselineHours;
        this.minCount = minCount;
    }

    @Override
    public AnomalyType type() {
        return AnomalyType.RATE_SPIKE;
    }

    @Override
    public List<RaisedAnomaly> evaluate(List<CallRecord> records, DetectionContext context) {
        Map<String, TreeMap<Instant, List<CallRecord>>> hoursByKey = new LinkedHashMap<>();
        for (CallRecord r : records) {
            hoursByKey
                    .computeIfAbsent(r.accessKeyId(), k -> new TreeMap<>())
                    .computeIfAbsent(
                            r.eventTime().truncatedTo(ChronoUnit.HOURS), h -> new ArrayList<>())
                    .add(r);
        }
        List<RaisedAnomaly> out = new ArrayList<>();
        hoursByKey.forEach((key, hours) -> judge(key, hours, context, out));
        return out;
    }

    private void judge(
            String key,
            TreeMap<Instant, List<CallRecord>> hours,
            DetectionContext context,
            List<RaisedAnomaly> out) {
        Instant first = hours.firstKey();
        for (var e : hours.entrySet()) {
            Instant hour = e.getKey();
            int count = e.getValue().size();
            if (count < minCount
                    || !context.reportable(hour.plus(1, ChronoUnit.HOURS).minusNanos(1))) continue;
            Instant from = hour.minus(baselineHours, ChronoUnit.HOURS);
            if (from.isBefore(first)) from = first;
            int historyHours = (int) ChronoUnit.HOURS.between(from, hour);
            if (historyHours < minHistoryHours) continue;
            double[] history = new double[historyHours];
            for (var h : hours.subMap(from, true, hour, false).entrySet()) {
                history[(int) ChronoUnit.HOURS.between(from, h.getKey())] = h.getValue().size();
            }
            double median = RobustStats.median(history);
            double mad = RobustStats.mad(history, median);
            double threshold = median + k * Math.max(mad, 1.0);
            if (count > threshold) {
                out.add(raise(key, hour, e.getValue(), median, mad, threshold, historyHours));
            }
        }
    }

    private RaisedAnomaly raise(
            String key,
            Instant hour,
            List<CallRecord> calls,
            double median,
            double mad,
            double threshold,
            int historyHours) {
        String detail =
                String.format(
                        Locale.ROOT,
                        "%d calls with %s in the hour from %s; its baseline over %d h is median %.1f, MAD %.1f (threshold %.1f)",
                        calls.size(),
                        key,
                        hour,
                        historyHours,
                        median,
                        mad,
                        threshold);
        List<String> evidence = new ArrayList<>();
        evidence.add("top APIs: " + top(calls, CallRecord::eventName));
        evidence.add("top source IPs: " + top(calls, CallRecord::sourceIpAddress));
        evidence.addAll(CallEvidence.lines(calls));
        return new RaisedAnomaly(
                type().id() + "|" + key + "|" + hour,
                new Anomaly(type().id(), key, hour, detail, evidence));
    }

    private static String top(List<CallRecord> calls, Function<CallRecord, String> field) {
        Map<String, Integer> counts = new HashMap<>();
        for (CallRecord c : calls)
            counts.merge(CallEvidence.orDash(field.apply(c)), 1, Integer::sum);
        return counts.entrySet().stream()
                .sorted(
                        Map.Entry.<String, Integer>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                .limit(5)
                .map(en -> en.getKey() + " ×" + en.getValue())
                .collect(Collectors.joining(", "));
    }
}
