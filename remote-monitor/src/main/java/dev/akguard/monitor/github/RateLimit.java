package dev.akguard.monitor.github;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The rate-limit state GitHub last reported for one resource ({@code core}, {@code search}, ...).
 */
public record RateLimit(long remaining, Instant reset) {

    /** Reads {@code x-ratelimit-remaining} / {@code x-ratelimit-reset}; null when absent. */
    static RateLimit from(HttpHeaders headers) {
        OptionalLong remaining = longHeader(headers, "x-ratelimit-remaining");
        OptionalLong reset = longHeader(headers, "x-ratelimit-reset");
        if (remaining.isEmpty() || reset.isEmpty()) return null;
        return new RateLimit(remaining.getAsLong(), epochSeconds(reset.getAsLong()));
    }

    /**
     * An epoch-seconds header as an instant, clamped to a representable range (a hostile value must
     * not throw).
     */
    static Instant epochSeconds(long s) {
        long max =
                10_000_000_000L; // year 2286: far enough, and no overflow when durations are added
        return Instant.ofEpochSecond(Math.max(0, Math.min(s, max)));
    }

    static OptionalLong longHeader(HttpHeaders headers, String name) {
        try {
            return headers.firstValue(name)
                    .map(v -> OptionalLong.of(Long.parseLong(v.trim())))
                    .orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
