package dev.akguard.monitor.github;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.OptionalLong;

/** The rate-limit state GitHub last reported for one resource ({@code core}, {@code search}, ...). */
public record RateLimit(long remaining, Instant reset) {

    /** Reads {@code x-ratelimit-remaining} / {@code x-ratelimit-reset}; null when absent. */
    static RateLimit from(HttpHeaders headers) {
        OptionalLong remaining = longHeader(headers, "x-ratelimit-remaining");
        OptionalLong reset = longHeader(headers, "x-ratelimit-reset");
        if (remaining.isEmpty() || reset.isEmpty()) return null;
        return new RateLimit(remaining.getAsLong(), Instant.ofEpochSecond(reset.getAsLong()));
    }

    static OptionalLong longHeader(HttpHeaders headers, String name) {
        try {
            return headers.firstValue(name).map(v -> OptionalLong.of(Long.parseLong(v.trim()))).orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
