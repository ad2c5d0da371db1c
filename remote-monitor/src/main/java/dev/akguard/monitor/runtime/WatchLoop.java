package dev.akguard.monitor.runtime;

import dev.akguard.monitor.retry.Backoff;
import dev.akguard.monitor.retry.Sleeper;
import dev.akguard.monitor.store.StoreException;
import dev.akguard.monitor.store.WorkStore;
import dev.akguard.monitor.watch.Source;
import dev.akguard.monitor.watch.WatchSettings;
import dev.akguard.monitor.watch.Watcher;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The continuous `monitor watch`: a watcher cycle, then {@link AfterCycle} (verification, calls, anomalies,
 * delivery), then sleep until the next source is due (at most ten seconds, like {@link Watcher#run}). A cycle
 * that fails on the database (a server restart or failover, an SQLite lock held too long) does not end the
 * watch: it is logged and the next cycle follows after a growing wait; work a cycle left half done is in the
 * database's transactions and leases, so nothing is lost.
 */
public final class WatchLoop {
    private static final Logger LOG = Logger.getLogger(WatchLoop.class.getName());
    /** Waits after consecutive failed cycles: 5 s doubling to 5 min, jittered. */
    static final Backoff FAILED_CYCLE = Backoff.unbounded(Duration.ofSeconds(5), Duration.ofMinutes(5), Backoff.Jitter.EQUAL);

    private WatchLoop() { }

    public static void run(Watcher watcher, AfterCycle after, WatchSettings settings, WorkStore work, Clock clock, Sleeper sleeper,
                           BooleanSupplier stop, Consumer<AfterCycle.Report> onReport) throws InterruptedException {
        List<String> keys = settings.sources().stream().map(Source::key).toList();
        int failures = 0;
        while (!stop.getAsBoolean()) {
            Duration wait;
            try {
                watcher.runOnce();
                onReport.accept(after.run());
                long next = work.nextPollAt(keys);
                wait = Duration.ofMillis(Math.max(200, Math.min(next - clock.millis(), 10_000)));
                failures = 0;
            } catch (StoreException e) {
                failures++;
                wait = FAILED_CYCLE.delay(failures);
                Duration w = wait;
                int n = failures;
                LOG.warning(() -> "watch cycle failed on the database (" + e.getMessage() + "); cycle " + n
                        + " in a row, trying again in " + w.toSeconds() + " s");
            }
            if (!stop.getAsBoolean()) sleeper.sleep(wait);
        }
    }
}
