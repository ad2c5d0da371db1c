package dev.akguard.lsp.validation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One pending validation per document: scheduling a new one cancels the previous (if it has not
 * started, it never runs; if it is running, the version check before publishing makes its result
 * harmless). Keeps typing cheap: a burst of keystrokes costs one scan after the last one.
 */
public final class ValidationDelayer {
    private final ScheduledExecutorService executor;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public ValidationDelayer(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    public void schedule(String uri, long delayMs, Runnable task) {
        pending.compute(
                uri,
                (k, old) -> {
                    if (old != null) old.future.cancel(false);
                    Pending p = new Pending();
                    // the task may finish before schedule() returns; it removes its own entry,
                    // identified by p
                    p.future =
                            executor.schedule(
                                    () -> {
                                        try {
                                            task.run();
                                        } finally {
                                            pending.remove(k, p);
                                        }
                                    },
                                    delayMs,
                                    TimeUnit.MILLISECONDS);
                    return p;
                });
    }

    public void cancel(String uri) {
        Pending p = pending.remove(uri);
        if (p != null) p.future.cancel(false);
    }

    /** Validations scheduled and not yet finished. */
    public int pendingCount() {
        return pending.size();
    }

    /**
     * Set inside compute(), which holds the entry's lock, so others reading the entry always see
     * the future.
     */
    private static final class Pending {
        volatile ScheduledFuture<?> future;
    }
}
