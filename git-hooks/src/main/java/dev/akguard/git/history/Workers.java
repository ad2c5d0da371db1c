package dev.akguard.git.history;

import dev.akguard.git.GitException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs the same worker on several threads until it returns (the workers share a work counter). */
final class Workers {
    private Workers() {}

    static void run(int threads, String name, Runnable worker) {
        if (threads <= 1) {
            worker.run();
            return;
        }
        ExecutorService pool =
                Executors.newFixedThreadPool(
                        threads,
                        r -> {
                            Thread t = new Thread(r, name);
                            t.setDaemon(true);
                            return t;
                        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int k = 0; k < threads; k++) fs.add(pool.submit(worker));
            for (Future<?> f : fs) f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GitException g) throw g;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(name + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
