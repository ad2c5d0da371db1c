package dev.akguard.monitor.alibaba;

import com.aliyuncs.IAcsClient;
import com.aliyuncs.actiontrail.model.v20200706.LookupEventsRequest;
import com.aliyuncs.actiontrail.model.v20200706.LookupEventsResponse;
import com.aliyuncs.exceptions.ClientException;
import dev.akguard.monitor.model.CallRecord;
import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.retry.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a leaked key was used for: ActionTrail LookupEvents filtered by `EventAccessKeyId`, over a
 * time range and one or more regions, following NextToken through every page. Calls are spaced by a
 * client-side rate limiter (ActionTrail allows about 2 per second) and throttling is retried with
 * backoff.
 */
public final class CallRecordClient {
    /** Largest page LookupEvents serves. */
    static final int PAGE_SIZE = 50;

    /**
     * Requests per second ActionTrail allows; {@link RateLimiter} spaces them from the end of the
     * previous call.
     */
    public static final double DEFAULT_RATE = 2;

    private final AdminCredentials credentials;
    private final AlibabaEndpoint endpoint;
    private final RetryingCaller caller;
    private final RateLimiter rateLimiter;

    public CallRecordClient(
            AdminCredentials credentials,
            AlibabaEndpoint endpoint,
            Backoff backoff,
            Duration timeout,
            RateLimiter rateLimiter) {
        this(credentials, endpoint, backoff, timeout, rateLimiter, Sleeper.SYSTEM);
    }

    CallRecordClient(
            AdminCredentials credentials,
            AlibabaEndpoint endpoint,
            Backoff backoff,
            Duration timeout,
            RateLimiter rateLimiter,
            Sleeper sleeper) {
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.caller = new RetryingCaller(backoff, sleeper, timeout);
        this.rateLimiter = rateLimiter;
    }

    /**
     * Admin credentials and endpoint from the environment, {@link #DEFAULT_RATE} requests per
     * second.
     */
    public static CallRecordClient fromEnvironment() {
        return new CallRecordClient(
                AdminCredentials.load(),
                AlibabaEndpoint.fromEnvironment(),
                Backoff.standard(),
                Duration.ofSeconds(15),
                new RateLimiter(DEFAULT_RATE));
    }

    /**
     * Every call made with the key in [from, to] in these regions, newest first, each event once.
     * `from` and `to` are both given or both null (ActionTrail then looks at the last 7 days).
     *
     * @throws IllegalArgumentException for bad arguments
     * @throws CallRecordException when ActionTrail refuses or does not answer
     */
    public List<CallRecord> lookup(
            String accessKeyId, Instant from, Instant to, List<String> regions) {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("an AccessKey ID is required to look up its calls");
        }
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException(
                    "give both the start and the end of the time range, or neither (last 7 days)");
        }
        if (from != null && from.isAfter(to)) {
            throw new IllegalArgumentException(
                    "the time range starts (" + from + ") after it ends (" + to + ")");
        }
        if (regions == null || regions.isEmpty()) {
            throw new IllegalArgumentException("at least one region is required, e.g. cn-hangzhou");
        }
        Map<String, CallRecord> byEvent = new LinkedHashMap<>();
        List<CallRecord> withoutId = new ArrayList<>();
        for (String region : regions) {
            for (CallRecord r : lookupRegion(accessKeyId, from, to, region.strip())) {
                if (r.eventId() == null) {
                    withoutId.add(r);
                } else {
                    // Global services' events can show up in several regions' trails.
                    byEvent.putIfAbsent(r.eventId(), r);
                }
            }
        }
        List<CallRecord> all = new ArrayList<>(byEvent.values());
        all.addAll(withoutId);
        all.sort(
                Comparator.comparing(
                        CallRecord::eventTime, Comparator.nullsLast(Comparator.reverseOrder())));
        return all;
    }

    private List<CallRecord> lookupRegion(
            String accessKeyId, Instant from, Instant to, String region) {
        IAcsClient client = credentials.client(region);
        List<CallRecord> records = new ArrayList<>();
        String token = null;
        do {
            LookupEventsRequest req = new LookupEventsRequest();
            req.setSysRegionId(region);
            endpoint.apply(req, "actiontrail." + region + ".aliyuncs.com");
            LookupEventsRequest.LookupAttribute byKey = new LookupEventsRequest.LookupAttribute();
            byKey.setKey("EventAccessKeyId");
            byKey.setValue(accessKeyId);
            req.setLookupAttributes(List.of(byKey));
            req.setMaxResults(Integer.toString(PAGE_SIZE));
            if (from != null) {
                req.setStartTime(from.truncatedTo(ChronoUnit.SECONDS).toString());
                req.setEndTime(to.truncatedTo(ChronoUnit.SECONDS).toString());
            }
            if (token != null) {
                req.setNextToken(token);
            }
            LookupEventsResponse page = call(client, req, region);
            for (Map<Object, Object> event :
                    Objects.requireNonNullElse(page.getEvents(), List.<Map<Object, Object>>of())) {
                records.add(CallRecordMapper.map(event));
            }
            String next = page.getNextToken();
            if (next != null && next.equals(token)) {
                throw new CallRecordException(
                        "ActionTrail in "
                                + region
                                + " returned the same NextToken twice; stopped paging",
                        null);
            }
            token = next;
        } while (token != null && !token.isEmpty());
        return records;
    }

    private LookupEventsResponse call(IAcsClient client, LookupEventsRequest req, String region) {
        try {
            return caller.call(client, req, rateLimiter);
        } catch (ClientException e) {
            String what = FailureMessages.describe(e);
            String message =
                    switch (ErrorKind.of(e)) {
                        case PERMISSION_DENIED ->
                                "ActionTrail refused LookupEvents in "
                                        + region
                                        + " to the admin key "
                                        + credentials.accessKeyId()
                                        + " ("
                                        + what
                                        + "). Give its RAM user AliyunActionTrailReadOnlyAccess.";
                        case KEY_NOT_FOUND, BAD_SECRET, KEY_DISABLED, TOKEN_INVALID ->
                                FailureMessages.adminRejected(credentials, what);
                        case THROTTLED, SERVER_ERROR, NETWORK ->
                                FailureMessages.noAnswer(
                                        "ActionTrail in " + region, caller.maxAttempts(), what);
                        case ENTITY_NOT_EXIST, OTHER ->
                                "ActionTrail LookupEvents in " + region + " failed (" + what + ").";
                    };
            throw new CallRecordException(message, e.getErrCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallRecordException(
                    "Interrupted while calling ActionTrail in " + region, null);
        }
    }
}
