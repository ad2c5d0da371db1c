package dev.akguard.console;

import dev.akguard.console.web.ConsoleMetrics;
import dev.akguard.monitor.runtime.AfterCycle;
import dev.akguard.monitor.store.WorkStore;
import dev.akguard.monitor.watch.CycleReport;
import dev.akguard.monitor.watch.Source;
import dev.akguard.monitor.watch.WatchSettings;
import dev.akguard.monitor.watch.Watcher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * `monitor serve`'s watcher thread: like `monitor watch` (a cycle, then verification, calls,
 * anomalies and delivery, then sleep until a source is due, at most ten seconds) but the sleep ends
 * early when a webhook queues work ({@link #wake}), so a pushed leak is scanned within seconds, and
 * it counts what it does for {@code /metrics}. Stopping lets the running cycle finish (its work is
 * committed) for a grace period; after that the thread is interrupted and what it had claimed is
 * picked up again when the lease runs out.
 */
public final class WatcherLoop {
    private static final Logger LOG = Logger.getLogger(WatcherLoop.class.getName());

    private final Watcher watcher;
    private final AfterCycle after;
    private final WorkStore work;
    private final List<String> sources;
    private final Clock clock;
    private final ConsoleMetrics metrics;
    private final Object lock = new Object();
    private boolean woken;
    private volatile boolean stopping;
    private Thread thread;

    public WatcherLoop(
            Watcher watcher,
            AfterCycle after,
            WatchSettings settings,
            WorkStore work,
            Clock clock,
            ConsoleMetrics metrics) {
        this.watcher = watcher;
        this.after = after;
        this.work = work;
        this.sources = settings.sources().stream().map(Source::key).toList();
        this.clock = clock;
        this.metrics = metrics;
    }

    public synchronized void start() {
        thread = new Thread(this::loop, "akguard-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends the current wait now (new work was queued). */
    public void wake() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
    }

    private void loop() {
        while (!stopping) {
            long waitMs = 5_000;
            try {
                CycleReport r = watcher.runOnce();
                metrics.pushesProcessed(r.pushesProcessed());
                metrics.alertsCreated(r.alertsCreated());
                if (after != null) after.run();
                long next = work.nextPollAt(sources);
                waitMs = Math.max(200, Math.min(next - clock.millis(), 10_000));
            } catch (InterruptedException e) {
                if (stopping) return;
            } catch (RuntimeException e) { // a store or GitHub outage: log, wait, try again
                LOG.log(Level.WARNING, "watcher cycle failed: " + e.getMessage(), e);
            }
            synchronized (lock) {
                long until = System.currentTimeMillis() + waitMs;
                while (!woken && !stopping) {
                    long left = until - System.currentTimeMillis();
                    if (left <= 0) break;
                    try {
                        lock.wait(left);
                    } catch (InterruptedException e) {
                        if (stopping) return;
                    }
                }
                woken = false;
            }
        }
    }

    /** Lets the running cycle finish for up to {@code grace}, then interrupts it. */
    public void stop(Duration grace) throws InterruptedException {
        stopping = true;
        wake();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t == null) return;
        t.join(grace.toMillis());
        if (t.isAlive()) {
            LOG.warning(
                    "watcher still busy after "
                            + grace.toSeconds()
                            + " s; interrupting (claimed work returns to the queue when its lease ends)");
            t.interrupt();
            t.join(5_000);
        }
    }
}
