package dev.akguard.monitor.runtime;

import dev.akguard.monitor.github.GitHubException;
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
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The continuous `monitor watch`: a watcher cycle, then {@link AfterCycle} (verification, calls,
 * anomalies, delivery), then sleep until the next source is due (at most ten seconds, like {@link
 * Watcher#run}). A failing step (a dropped PostgreSQL connection, an SQLite lock held past its
 * timeout, a GitHub outage) ends neither the loop nor the other step: it is logged, and the loop
 * backs off (doubling up to five minutes) and goes on. Verification and notification of alerts
 * already recorded run even when the watcher's cycle failed.
 */
public final class WatchLoop {
    private static final Logger LOG = Logger.getLogger(WatchLoop.class.getName());

    /**
     * Waits after consecutive failed cycles: 2 s doubling to 5 min, jittered (each wait in [d/2,
     * d]).
     */
    static final Backoff FAILED_CYCLE =
            Backoff.unbounded(Duration.ofSeconds(2), Duration.ofMinutes(5), Backoff.Jitter.EQUAL);

    private WatchLoop() {}

    public static void run(
            Watcher watcher,
            AfterCycle after,
            WatchSettings settings,
            WorkStore work,
            Clock clock,
            Sleeper sleeper,
            BooleanSupplier stop,
            Consumer<AfterCycle.Report> onReport)
            throws InterruptedException {
        List<String> keys = settings.sources().stream().map(Source::key).toList();
        int failures = 0;
        while (!stop.getAsBoolean()) {
            boolean failed = !step("watch cycle", watcher::runOnce);
            failed |= !step("verification and delivery", () -> onReport.accept(after.run()));
            long waitMs;
            if (failed) {
                failures++;
                waitMs = FAILED_CYCLE.delay(failures).toMillis();
                long w = waitMs;
                LOG.warning(() -> "retrying in " + w / 1000 + " s");
            } else {
                failures = 0;
                long[] next = {clock.millis() + 10_000};
                step("reading the poll schedule", () -> next[0] = work.nextPollAt(keys));
                waitMs = Math.max(200, Math.min(next[0] - clock.millis(), 10_000));
            }
            if (!stop.getAsBoolean()) sleeper.sleep(Duration.ofMillis(waitMs));
        }
    }

    private interface Step {
        void run() throws InterruptedException;
    }

    /**
     * Runs one step; a RuntimeException (store, GitHub, Alibaba Cloud, a bug) is logged and
     * reported as false.
     */
    private static boolean step(String what, Step step) throws InterruptedException {
        try {
            step.run();
            return true;
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    what + " failed: " + e.getMessage(),
                    e instanceof StoreException || e instanceof GitHubException ? null : e);
            return false;
        }
    }
}
