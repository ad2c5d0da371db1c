package dev.akguard.console;

import dev.akguard.console.auth.PasswordHasher;
import dev.akguard.console.service.ConsoleService;
import dev.akguard.console.web.ConsoleMetrics;
import dev.akguard.console.web.ConsoleServer;
import dev.akguard.monitor.runtime.MonitorRuntime;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * `monitor serve` put together: the HTTP server over the service facade and, unless {@code
 * --no-watch}, the watcher loop (woken by webhooks). {@link #close} shuts down in order: stop
 * taking requests (running ones finish), then let the watcher finish its cycle.
 */
public final class ConsoleApp implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ConsoleApp.class.getName());
    private final ConsoleServer server;
    private final WatcherLoop watcher;
    private final Duration grace;

    /**
     * @param watcher null with --no-watch (webhook work then waits for another instance's watcher)
     */
    public ConsoleApp(
            MonitorRuntime runtime,
            WatcherLoop watcher,
            ConsoleSettings settings,
            PasswordHasher hasher,
            ConsoleMetrics metrics,
            Duration grace) {
        this.watcher = watcher;
        this.grace = grace;
        this.server =
                new ConsoleServer(
                        settings,
                        new ConsoleService(runtime),
                        hasher,
                        metrics,
                        watcher == null ? () -> {} : watcher::wake);
    }

    public ConsoleApp start() {
        server.start();
        if (watcher != null) watcher.start();
        return this;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        LOG.info("{\"event\":\"shutdown\",\"phase\":\"http\"}");
        server.close();
        if (watcher != null) {
            LOG.info("{\"event\":\"shutdown\",\"phase\":\"watcher\"}");
            try {
                watcher.stop(grace);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
