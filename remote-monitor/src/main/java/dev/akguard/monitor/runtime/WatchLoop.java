package dev.akguard.monitor.runtime;

import dev.akguard.monitor.retry.Sleeper;
import dev.akguard.monitor.store.WorkStore;
import dev.akguard.monitor.watch.Source;
import dev.akguard.monitor.watch.WatchSettings;
import dev.akguard.monitor.watch.Watcher;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The continuous `monitor watch`: a watcher cycle, then {@link AfterCycle} (verification, calls, anomalies,
 * delivery), then sleep until the next source is due (at most ten seconds, like {@link Watcher#run}).
 */
public final class WatchLoop {
    private WatchLoop() { }

    public static void run(Watcher watcher, AfterCycle after, WatchSettings settings, WorkStore work, Clock clock, Sleeper sleeper,
                           BooleanSupplier stop, Consumer<AfterCycle.Report> onReport) throws InterruptedException {
        List<String> keys = settings.sources().stream().map(Source::key).toList();
        while (!stop.getAsBoolean()) {
            watcher.runOnce();
            onReport.accept(after.run());
            long next = work.nextPollAt(keys);
            long waitMs = Math.max(200, Math.min(next - clock.millis(), 10_000));
            if (!stop.getAsBoolean()) sleeper.sleep(Duration.ofMillis(waitMs));
        }
    }
}
