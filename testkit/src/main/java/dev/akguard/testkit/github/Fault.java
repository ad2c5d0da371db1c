package dev.akguard.testkit.github;

import java.time.Duration;

/**
 * A misbehaviour the emulator applies to the next request(s) whose path starts with {@link
 * #pathPrefix()}. Built with the static factories, narrowed with {@link #on(String)} and repeated
 * with {@link #times(int)}.
 */
public final class Fault {

    enum Kind {
        STATUS,
        MALFORMED_JSON,
        DELAY,
        REDIRECT
    }

    final Kind kind;
    final int status;
    final String message;
    final Integer retryAfterSeconds;
    final Long rateLimitResetInSeconds;
    final Duration delay;
    private final String pathPrefix;
    private final int times;

    private Fault(
            Kind kind,
            int status,
            String message,
            Integer retryAfterSeconds,
            Long resetIn,
            Duration delay,
            String pathPrefix,
            int times) {
        this.kind = kind;
        this.status = status;
        this.message = message;
        this.retryAfterSeconds = retryAfterSeconds;
        this.rateLimitResetInSeconds = resetIn;
        this.delay = delay;
        this.pathPrefix = pathPrefix;
        this.times = times;
    }

    /**
     * Primary rate limit exhausted: 403, {@code x-ratelimit-remaining: 0}, reset in the given
     * seconds.
     */
    public static Fault primaryRateLimit(long resetInSeconds) {
        return new Fault(
                Kind.STATUS,
                403,
                "API rate limit exceeded for user.",
                null,
                resetInSeconds,
                null,
                "/",
                1);
    }

    /** Secondary rate limit without {@code retry-after}: the client must wait at least a minute. */
    public static Fault secondaryRateLimit() {
        return new Fault(
                Kind.STATUS,
                403,
                "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                null,
                null,
                null,
                "/",
                1);
    }

    /** Secondary rate limit with {@code retry-after}. */
    public static Fault secondaryRateLimit(int retryAfterSeconds) {
        return new Fault(
                Kind.STATUS,
                403,
                "You have exceeded a secondary rate limit.",
                retryAfterSeconds,
                null,
                null,
                "/",
                1);
    }

    /** 429 Too Many Requests with {@code retry-after}. */
    public static Fault tooManyRequests(int retryAfterSeconds) {
        return new Fault(
                Kind.STATUS, 429, "Too Many Requests", retryAfterSeconds, null, null, "/", 1);
    }

    /** A plain error status (500, 502, 503, 404, ...). */
    public static Fault status(int status) {
        return new Fault(
                Kind.STATUS,
                status,
                status >= 500 ? "Server Error" : "Error",
                null,
                null,
                null,
                "/",
                1);
    }

    /** 200 with a body cut in the middle of the JSON. */
    public static Fault malformedJson() {
        return new Fault(Kind.MALFORMED_JSON, 200, null, null, null, null, "/", 1);
    }

    /** Serve normally, after a delay. */
    public static Fault slow(Duration delay) {
        return new Fault(Kind.DELAY, 200, null, null, null, delay, "/", 1);
    }

    /** 302 Found to {@code location} (another emulator's URL, say: a different origin). */
    public static Fault redirect(String location) {
        return new Fault(Kind.REDIRECT, 302, location, null, null, null, "/", 1);
    }

    /**
     * Only requests whose path (without {@code /api/v3}) starts with this prefix trigger the fault.
     */
    public Fault on(String prefix) {
        return new Fault(
                kind,
                status,
                message,
                retryAfterSeconds,
                rateLimitResetInSeconds,
                delay,
                prefix,
                times);
    }

    /** Apply to this many matching requests (default 1). */
    public Fault times(int n) {
        return new Fault(
                kind,
                status,
                message,
                retryAfterSeconds,
                rateLimitResetInSeconds,
                delay,
                pathPrefix,
                n);
    }

    public String pathPrefix() {
        return pathPrefix;
    }

    int timesValue() {
        return times;
    }

    @Override
    public String toString() {
        return kind + "(" + status + ") on " + pathPrefix + " x" + times;
    }
}
