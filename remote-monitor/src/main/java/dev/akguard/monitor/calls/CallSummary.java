package dev.akguard.monitor.calls;

import dev.akguard.monitor.model.CallRecord;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a list of calls adds up to: APIs called, source IPs, regions and error codes, each with its
 * count (most frequent first), and the first and last call.
 */
public record CallSummary(
        Map<String, Integer> apis,
        Map<String, Integer> sourceIps,
        Map<String, Integer> regions,
        Map<String, Integer> errors,
        Instant first,
        Instant last) {

    public static CallSummary of(List<CallRecord> calls) {
        Instant first =
                calls.stream()
                        .map(CallRecord::eventTime)
                        .filter(java.util.Objects::nonNull)
                        .min(Comparator.naturalOrder())
                        .orElse(null);
        Instant last =
                calls.stream()
                        .map(CallRecord::eventTime)
                        .filter(java.util.Objects::nonNull)
                        .max(Comparator.naturalOrder())
                        .orElse(null);
        return new CallSummary(
                count(calls, CallRecord::eventName),
                count(calls, CallRecord::sourceIpAddress),
                count(calls, CallRecord::acsRegion),
                count(calls, CallRecord::errorCode),
                first,
                last);
    }

    private static Map<String, Integer> count(
            List<CallRecord> calls, Function<CallRecord, String> field) {
        Map<String, Integer> counts =
                calls.stream()
                        .map(field)
                        .filter(v -> v != null && !v.isEmpty())
                        .collect(Collectors.toMap(v -> v, v -> 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(
                        Map.Entry.<String, Integer>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                .collect(
                        Collectors.toMap(
                                Map.Entry::getKey,
                                Map.Entry::getValue,
                                (a, b) -> a,
                                LinkedHashMap::new));
    }
}
