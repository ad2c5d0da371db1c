package dev.akguard.monitor.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The monitor's one retry policy: bounded exponential backoff. Retry number n (1 = first retry)
 * waits d = min(max, initial * 2^(n-1)); with {@link Jitter#EQUAL} a random time in [d/2, d]
 * instead, so clients that failed together do not retry together. In-process loops ({@code
 * GitHubClient}, the Alibaba Cloud calls) sleep {@link #delay}; work kept in the database (outbox,
 * verification, watch cursors) stores {@link #nextAttempt}.
 */
public record Backoff(int maxAttempts, Duration initial, Duration max, Jitter jitter) {

    public enum Jitter {
        NONE,
        EQUAL
    }

    public Backoff {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max");
        }
    }

    /** Jittered backoff, for in-process retries. */
    public static Backoff jittered(int maxAttempts, Duration initial, Duration max) {
        return new Backoff(maxAttempts, initial, max, Jitter.EQUAL);
    }

    /** Backoff without jitter: initial, 2×, 4×, … capped at max. */
    public static Backoff exponential(int maxAttempts, Duration initial, Duration max) {
        return new Backoff(maxAttempts, initial, max, Jitter.NONE);
    }

    /**
     * A backoff that never gives up (the watcher retries a failing source forever, just less
     * often).
     */
    public static Backoff unbounded(Duration initial, Duration max, Jitter jitter) {
        return new Backoff(Integer.MAX_VALUE, initial, max, jitter);
    }

    /** The Alibaba Cloud calls' default: 4 attempts, waiting about 0.5 s, 1 s, 2 s between them. */
    public static Backoff standard() {
        return jittered(4, Duration.ofMillis(500), Duration.ofSeconds(8));
    }

    /** The wait before retry number {@code retry} (1 = first retry). */
    public Duration delay(int retry, Random random) {
        long cap = max.toMillis();
        long exp = retry >= 31 ? cap : Math.min(cap, initial.toMillis() << Math.max(0, retry - 1));
        if (exp < 0) exp = cap; // shifted past Long.MAX_VALUE
        if (jitter == Jitter.NONE) return Duration.ofMillis(exp);
        long half = exp / 2;
        return Duration.ofMillis(half + (exp - half == 0 ? 0 : random.nextLong(exp - half + 1)));
    }

    public Duration delay(int retry) {
        return delay(retry, ThreadLocalRandom.current());
    }

    /** Whether {@code attempts} attempts used them all. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /**
     * When to try again after attempt number {@code attempts} (1-based) failed at {@code now};
     * empty when all attempts are used.
     */
    public Optional<Instant> nextAttempt(int attempts, Instant now) {
        if (exhausted(attempts)) return Optional.empty();
        return Optional.of(now.plus(delay(attempts)));
    }
}
