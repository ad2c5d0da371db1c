package dev.akguard.monitor.alibaba;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded exponential backoff with jitter: retry n waits a random time in [d/2, d] where
 * d = min(maxDelay, initialDelay * 2^(n-1)), so clients that were throttled together do not retry together.
 */
public record Backoff(int maxAttempts, Duration initialDelay, Duration maxDelay) {
    public Backoff {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
    }

    /** 4 attempts, waiting about 0.5 s, 1 s, 2 s between them. */
    public static Backoff standard() {
        return new Backoff(4, Duration.ofMillis(500), Duration.ofSeconds(8));
    }

    /** The wait before retry number `retry` (1 = first retry). */
    public Duration delayBefore(int retry, Random random) {
        long cap = maxDelay.toMillis();
        long base = initialDelay.toMillis();
        long exp = retry >= 31 ? cap : Math.min(cap, base << Math.max(0, retry - 1));
        long half = exp / 2;
        return Duration.ofMillis(half + (exp - half == 0 ? 0 : random.nextLong(exp - half + 1)));
    }

    public Duration delayBefore(int retry) {
        return delayBefore(retry, ThreadLocalRandom.current());
    }
}
