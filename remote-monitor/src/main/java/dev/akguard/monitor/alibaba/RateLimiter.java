package dev.akguard.monitor.alibaba;

import java.time.Duration;

/**
 * Spaces calls at least `1/permitsPerSecond` apart (measured at call start), so a burst never exceeds the API's
 * rate; ActionTrail LookupEvents allows about 2 per second. Thread-safe: callers queue up in turn.
 */
public final class RateLimiter {
    private final long intervalNanos;
    private final Sleeper sleeper;
    private long nextFree = Long.MIN_VALUE;

    public RateLimiter(double permitsPerSecond) {
        this(permitsPerSecond, Sleeper.REAL);
    }

    RateLimiter(double permitsPerSecond, Sleeper sleeper) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("permitsPerSecond must be positive");
        }
        this.intervalNanos = (long) Math.ceil(1_000_000_000L / permitsPerSecond);
        this.sleeper = sleeper;
    }

    public Duration interval() { return Duration.ofNanos(intervalNanos); }

    /** Waits until the next call may start. */
    public void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long start = nextFree == Long.MIN_VALUE ? now : Math.max(now, nextFree);
            nextFree = start + intervalNanos;
            wait = start - now;
        }
        if (wait > 0) {
            sleeper.sleep(Duration.ofNanos(wait));
        }
    }
}
