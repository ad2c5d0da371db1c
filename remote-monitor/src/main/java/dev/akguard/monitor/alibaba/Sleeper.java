package dev.akguard.monitor.alibaba;

import java.time.Duration;

/** Waits; a seam so tests can see backoff and rate-limit waits without depending on wall-clock timing. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));

    void sleep(Duration duration) throws InterruptedException;
}
