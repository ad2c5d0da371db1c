package dev.akguard.monitor.retry;

import java.time.Duration;

/**
 * Waits. The one seam through which the monitor spends time (backoff, rate limits, poll intervals),
 * so tests can record the waits instead of spending them.
 */
@FunctionalInterface
public interface Sleeper {

    /** Really waits; zero and negative durations return at once. */
    Sleeper SYSTEM =
            d -> {
                if (!d.isNegative() && !d.isZero())
                    Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
            };

    void sleep(Duration duration) throws InterruptedException;
}
