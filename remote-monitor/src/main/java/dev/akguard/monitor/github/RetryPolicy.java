package dev.akguard.monitor.github;

import java.time.Duration;
import java.util.Random;

/**
 * How long to wait before retry number {@code attempt} (1-based) after a transient failure: exponential
 * backoff from {@code base}, capped at {@code max}, with "equal jitter" (half fixed, half random) so several
 * watchers that failed together do not retry together.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max, Duration secondaryLimitMinimum) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofSeconds(60));
    }

    public Duration backoff(int attempt, Random random) {
        long exp = base.toMillis() << Math.min(20, Math.max(0, attempt - 1));
        long capped = Math.min(max.toMillis(), exp);
        long half = capped / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : (long) (random.nextDouble() * half)));
    }
}
