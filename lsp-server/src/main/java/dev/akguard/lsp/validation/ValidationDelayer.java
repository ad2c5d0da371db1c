package dev.akguard.lsp.validation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One pending validation per document: scheduling a new one cancels the previous (if it has not started, it never
 * runs; if it is running, the version check before publishing makes its result harmless). Keeps typing cheap:
 * a burst of keystrokes costs one scan after the last one.
 */
public final class ValidationDelayer {
    private final ScheduledExecutorService executor;
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

    public ValidationDelayer(ScheduledExecutorService executor) { this.executor = executor; }

    public void schedule(String uri, long delayMs, Runnable task) {
        pending.compute(uri, (k, old) -> {
            if (old != null) old.cancel(false);
            Holder h = new Holder();
            h.future = executor.schedule(() -> {
                try {
                    task.run();
                } finally {
                    pending.remove(k, h.future);
                }
            }, delayMs, TimeUnit.MILLISECONDS);
            return h.future;
        });
    }

    public void cancel(String uri) {
        ScheduledFuture<?> f = pending.remove(uri);
        if (f != null) f.cancel(false);
    }

    /** Pending (not yet finished) validations; for tests and diagnostics of the server itself. */
    public int pendingCount() { return pending.size(); }

    private static final class Holder { volatile ScheduledFuture<?> future; }
}
