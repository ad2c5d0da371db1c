package dev.akguard.monitor.notify.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Exponential backoff: initial, 2×, 4×, … capped at max; no more tries after maxAttempts attempts. */
public record RetryPolicy(int maxAttempts, Duration initial, Duration max) {
    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 < initial <= max");
        }
    }

    /**
     * When to try again after attempt number {@code attempts} (1-based) failed at {@code now}; empty when
     * the item has had all its attempts.
     */
    public Optional<Instant> nextAttempt(int attempts, Instant now) {
        if (attempts >= maxAttempts) return Optional.empty();
        Duration wait = initial;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) wait = wait.multipliedBy(2);
        return Optional.of(now.plus(wait.compareTo(max) > 0 ? max : wait));
    }
}
