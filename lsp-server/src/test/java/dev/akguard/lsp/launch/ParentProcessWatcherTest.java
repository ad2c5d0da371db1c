package dev.akguard.lsp.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.lsp.ServerLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParentProcessWatcherTest {
    final ScheduledThreadPoolExecutor exec = new ScheduledThreadPoolExecutor(1);
    final ServerLog log = new ServerLog(new PrintStream(new ByteArrayOutputStream()));

    @AfterEach
    void stop() {
        exec.shutdownNow();
    }

    @Test
    void exitsOnceTheParentIsGone() throws Exception {
        AtomicBoolean alive = new AtomicBoolean(true);
        List<Integer> exits = new CopyOnWriteArrayList<>();
        new ParentProcessWatcher(exec, log, exits::add, pid -> alive.get()).watch(1234, 10);
        Thread.sleep(100);
        assertTrue(exits.isEmpty(), "alive parent: keep running");
        alive.set(false);
        long until = System.currentTimeMillis() + 5000;
        while (exits.isEmpty() && System.currentTimeMillis() < until) Thread.sleep(5);
        assertEquals(ParentProcessWatcher.EXIT_PARENT_GONE, exits.get(0));
    }

    @Test
    void aPidThatIsNotRunningAtStartIsNotWatched() throws Exception {
        List<Integer> exits = new CopyOnWriteArrayList<>();
        new ParentProcessWatcher(exec, log, exits::add, pid -> false).watch(99, 10);
        Thread.sleep(100);
        assertTrue(
                exits.isEmpty(),
                "a pid from another PID namespace (containers) must not kill the server");
    }
}
