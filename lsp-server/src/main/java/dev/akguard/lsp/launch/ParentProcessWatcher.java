package dev.akguard.lsp.launch;

import dev.akguard.lsp.ServerLog;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.LongPredicate;

/**
 * Exits the server when the editor that started it is gone (the processId from initialize), so a
 * crashed editor never leaves a JVM behind. Polling {@link ProcessHandle} works on every OS, unlike
 * waiting on a process we did not start.
 */
public final class ParentProcessWatcher {
    /**
     * Exit status when the parent vanished without shutdown/exit (LSP: 1 when exit comes without
     * shutdown).
     */
    public static final int EXIT_PARENT_GONE = 1;

    private final ScheduledExecutorService scheduler;
    private final ServerLog log;
    private final IntConsumer exit;
    private final LongPredicate alive;
    private ScheduledFuture<?> task;

    public ParentProcessWatcher(
            ScheduledExecutorService scheduler, ServerLog log, IntConsumer exit) {
        this(
                scheduler,
                log,
                exit,
                pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    ParentProcessWatcher(
            ScheduledExecutorService scheduler,
            ServerLog log,
            IntConsumer exit,
            LongPredicate alive) {
        this.scheduler = scheduler;
        this.log = log;
        this.exit = exit;
        this.alive = alive;
    }

    public synchronized void watch(long pid, long intervalMs) {
        if (task != null) task.cancel(false);
        if (pid <= 0) return;
        if (!alive.test(pid)) {
            log.warn(
                    "the client's process "
                            + pid
                            + " is not running; watching is off (some clients send a pid from another namespace)");
            return;
        }
        task =
                scheduler.scheduleWithFixedDelay(
                        () -> {
                            if (!alive.test(pid)) {
                                log.error(
                                        "the editor process " + pid + " has exited; shutting down");
                                exit.accept(EXIT_PARENT_GONE);
                            }
                        },
                        intervalMs,
                        intervalMs,
                        TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (task != null) task.cancel(false);
    }
}
