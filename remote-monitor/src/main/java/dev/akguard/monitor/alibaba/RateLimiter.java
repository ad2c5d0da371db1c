package dev.akguard.monitor.alibaba;

import dev.akguard.monitor.retry.Sleeper;
import java.time.Duration;

/**
 * Keeps calls at most `permitsPerSecond` as the server sees them (ActionTrail LookupEvents allows
 * about 2 per second). A call may start only one interval after the previous call ended: spacing
 * from the end rather than the start means however long a request takes to leave the client
 * (first-call setup, a slow connection), two arrivals at the server are never closer than the
 * interval. Thread-safe: callers queue up in turn.
 */
public final class RateLimiter {
    private final long intervalNanos;
    private final Sleeper sleeper;
    private long nextFree = Long.MIN_VALUE;
    private boolean busy;

    public RateLimiter(double permitsPerSecond) {
        this(permitsPerSecond, Sleeper.SYSTEM);
    }

    RateLimiter(double permitsPerSecond, Sleeper sleeper) {
        if (!(permitsPerSecond > 0)) {
            throw new IllegalArgumentException("permitsPerSecond must be positive");
        }
        this.intervalNanos = (long) Math.ceil(1_000_000_000L / permitsPerSecond);
        this.sleeper = sleeper;
    }

    public Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }

    /**
     * Waits until a call may start; pair every acquire with {@link #release()} once the call has
     * ended.
     */
    public void acquire() throws InterruptedException {
        while (true) {
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                if (!busy && (nextFree == Long.MIN_VALUE || now - nextFree >= 0)) {
                    busy = true;
                    return;
                }
                wait = busy ? intervalNanos : nextFree - now;
            }
            sleeper.sleep(Duration.ofNanos(Math.max(1_000_000, wait)));
        }
    }

    /** The call that acquired has ended: the next may start one interval from now. */
    public synchronized void release() {
        busy = false;
        nextFree = System.nanoTime() + intervalNanos;
    }
}
