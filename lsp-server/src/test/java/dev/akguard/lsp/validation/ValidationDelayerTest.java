package dev.akguard.lsp.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ValidationDelayerTest {
    final ScheduledThreadPoolExecutor exec = new ScheduledThreadPoolExecutor(2);

    @AfterEach
    void stop() {
        exec.shutdownNow();
    }

    @Test
    void aNewRequestCancelsThePendingOneAndNothingIsLeftBehind() throws Exception {
        exec.setRemoveOnCancelPolicy(true);
        ValidationDelayer d = new ValidationDelayer(exec);
        List<Integer> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        for (int i = 0; i < 50; i++) {
            int n = i;
            d.schedule(
                    "file:///a",
                    300,
                    () -> {
                        ran.add(n);
                        if (n == 49) done.countDown();
                    });
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of(49), ran, "only the last of a burst runs");
        long until = System.currentTimeMillis() + 5000;
        while (d.pendingCount() > 0 && System.currentTimeMillis() < until) Thread.sleep(5);
        assertEquals(0, d.pendingCount());
        assertEquals(0, exec.getQueue().size(), "cancelled timers are removed from the queue");

        // immediate tasks that finish before schedule() returns still clean up
        CountDownLatch many = new CountDownLatch(200);
        for (int i = 0; i < 200; i++) d.schedule("file:///b" + i, 0, many::countDown);
        assertTrue(many.await(10, TimeUnit.SECONDS));
        until = System.currentTimeMillis() + 5000;
        while (d.pendingCount() > 0 && System.currentTimeMillis() < until) Thread.sleep(5);
        assertEquals(0, d.pendingCount());
    }

    @Test
    void cancelStopsAPendingRun() throws Exception {
        ValidationDelayer d = new ValidationDelayer(exec);
        List<String> ran = new CopyOnWriteArrayList<>();
        d.schedule("file:///a", 200, () -> ran.add("a"));
        d.cancel("file:///a");
        Thread.sleep(400);
        assertTrue(ran.isEmpty());
    }
}
