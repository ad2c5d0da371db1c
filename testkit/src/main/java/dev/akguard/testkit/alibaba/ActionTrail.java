package dev.akguard.testkit.alibaba;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * ActionTrail 2020-07-06 LookupEvents over events seeded by the test, with its filters, paging and
 * rate limit (by default 2 requests per second per AccessKey, answered with `Throttling.User`).
 */
public final class ActionTrail implements ProductApi {
    /** LookupAttribute keys and the event field each one matches exactly. */
    private static final Map<String, String> ATTRIBUTES =
            Map.of(
                    "EventAccessKeyId", "userIdentity.accessKeyId",
                    "EventName", "eventName",
                    "EventId", "eventId",
                    "EventRW", "eventRW",
                    "ServiceName", "serviceName",
                    "User", "userIdentity.userName",
                    "ResourceType", "resourceType",
                    "ResourceName", "resourceName");

    private final List<TrailEvent> events = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Long>> acceptedByKey = new HashMap<>();
    private volatile int permits = 2;
    private volatile Duration window = Duration.ofSeconds(1);

    /** Adds events (any order; lookups answer newest first). */
    public ActionTrail add(TrailEvent... more) {
        events.addAll(List.of(more));
        return this;
    }

    public ActionTrail add(List<TrailEvent> more) {
        events.addAll(more);
        return this;
    }

    /**
     * At most `permits` LookupEvents per key within any `window`; more get 400 `Throttling.User`.
     */
    public ActionTrail rateLimit(int permits, Duration window) {
        this.permits = permits;
        this.window = window;
        return this;
    }

    public ActionTrail noRateLimit() {
        return rateLimit(Integer.MAX_VALUE, Duration.ofSeconds(1));
    }

    @Override
    public String product() {
        return "Actiontrail";
    }

    @Override
    public String host() {
        return "actiontrail.cn-hangzhou.aliyuncs.com";
    }

    @Override
    public Map<String, Object> call(String action, Map<String, String> params, EmulatedKey caller) {
        if (!"LookupEvents".equals(action)) {
            throw ProductApi.unknownAction(action);
        }
        admit(caller.id());
        return lookup(params, caller);
    }

    private void admit(String keyId) {
        long now = System.nanoTime();
        synchronized (acceptedByKey) {
            Deque<Long> accepted = acceptedByKey.computeIfAbsent(keyId, k -> new ArrayDeque<>());
            while (!accepted.isEmpty() && now - accepted.peekFirst() >= window.toNanos()) {
                accepted.removeFirst();
            }
            if (accepted.size() >= permits) {
                throw new ApiException(
                        400, "Throttling.User", "Request was denied due to user flow control.");
            }
            accepted.addLast(now);
        }
    }

    private Map<String, Object> lookup(Map<String, String> params, EmulatedKey caller) {
        Map<String, String> attributes = attributes(params);
        String startParam = params.get("StartTime");
        String endParam = params.get("EndTime");
        if ((startParam == null) != (endParam == null)) {
            throw ApiException.missing(startParam == null ? "StartTime" : "EndTime");
        }
        Instant end = endParam == null ? Instant.now() : time("EndTime", endParam);
        Instant start =
                startParam == null ? end.minus(Duration.ofDays(7)) : time("StartTime", startParam);
        if (start.isAfter(end)) {
            throw ApiException.invalid("StartTime", "StartTime is later than EndTime");
        }
        int maxResults = RamApi.intParam(params, "MaxResults", 20, 1, 50);
        int offset = offset(params.get("NextToken"));
        String region = params.get("RegionId");

        List<TrailEvent> matching = new ArrayList<>();
        for (TrailEvent e : events) {
            Instant t = eventTime(e);
            if (t == null || t.isBefore(start) || t.isAfter(end)) {
                continue;
            }
            String owner = e.field("userIdentity.accountId");
            if (owner != null && !owner.equals(caller.account().id())) {
                continue;
            }
            if (region != null
                    && e.field("acsRegion") != null
                    && !region.equals(e.field("acsRegion"))) {
                continue;
            }
            if (attributes.entrySet().stream()
                    .allMatch(a -> a.getValue().equals(e.field(ATTRIBUTES.get(a.getKey()))))) {
                matching.add(e);
            }
        }
        matching.sort(Comparator.comparing(ActionTrail::eventTime).reversed());
        int to = Math.min(matching.size(), offset + maxResults);
        List<Object> page = new ArrayList<>();
        for (TrailEvent e : matching.subList(Math.min(offset, matching.size()), to)) {
            page.add(e.fields());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("StartTime", start.truncatedTo(ChronoUnit.SECONDS).toString());
        out.put("EndTime", end.truncatedTo(ChronoUnit.SECONDS).toString());
        out.put("NextToken", to < matching.size() ? token(to) : "");
        out.put("Events", page);
        return out;
    }

    /** LookupAttribute.N.Key/Value pairs: at most two, known keys only, each with a value. */
    private static Map<String, String> attributes(Map<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int n = 1; params.containsKey("LookupAttribute." + n + ".Key"); n++) {
            String key = params.get("LookupAttribute." + n + ".Key");
            String value = params.get("LookupAttribute." + n + ".Value");
            if (!ATTRIBUTES.containsKey(key)) {
                throw ApiException.invalid(
                        "LookupAttribute." + n + ".Key", "unsupported key " + key);
            }
            if (value == null || value.isEmpty()) {
                throw ApiException.missing("LookupAttribute." + n + ".Value");
            }
            out.put(key, value);
        }
        if (out.size() > 2) {
            throw ApiException.invalid(
                    "LookupAttribute", "at most 2 lookup attributes are allowed");
        }
        return out;
    }

    private static Instant time(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(
                    name, "expected ISO 8601 UTC time like 2026-01-02T03:04:05Z");
        }
    }

    private static Instant eventTime(TrailEvent e) {
        String t = e.field("eventTime");
        try {
            return t == null ? null : Instant.parse(t);
        } catch (DateTimeParseException ex) {
            return null;
        }
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int offset(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (s.startsWith("offset:")) {
                return Integer.parseInt(s.substring("offset:".length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ApiException.invalid("NextToken", "unknown token");
    }
}
