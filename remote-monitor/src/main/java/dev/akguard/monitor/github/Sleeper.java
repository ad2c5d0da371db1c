package dev.akguard.monitor.github;

import java.time.Duration;

/** Waits. Injected so tests can observe the waits the client chooses without spending them. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return d -> {
            if (!d.isNegative() && !d.isZero()) Thread.sleep(d.toMillis());
        };
    }
}
