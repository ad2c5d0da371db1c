package dev.akguard.cli.common;

import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * A single self-overwriting status line on stderr, shown only on a terminal and only once the work
 * has taken longer than a second, so quick runs and piped output stay clean.
 */
public final class ProgressLine implements AutoCloseable {
    private final PrintWriter err;
    private final Thread thread;
    private volatile boolean done;
    private volatile boolean drawn;

    public ProgressLine(PrintWriter err, Supplier<String> status) {
        this.err = err;
        if (!Terminal.stderrIsTerminal()) {
            thread = null;
            return;
        }
        thread =
                new Thread(
                        () -> {
                            try {
                                Thread.sleep(1000);
                                while (!done) {
                                    String s = status.get();
                                    synchronized (err) {
                                        if (done) break;
                                        err.print("\r\033[K" + s);
                                        err.flush();
                                        drawn = true;
                                    }
                                    Thread.sleep(200);
                                }
                            } catch (InterruptedException ignored) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "akguard-progress");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        done = true;
        if (thread == null) return;
        thread.interrupt();
        try {
            thread.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (err) {
            if (drawn) {
                err.print("\r\033[K");
                err.flush();
            }
        }
    }
}
