package dev.akguard.lsp;

import java.io.PrintStream;
import java.util.function.IntConsumer;

/**
 * How the server meets its process: where logs go, how it exits, how often it checks that the
 * editor is alive.
 *
 * @param exit called with the exit status on {@code exit} and when the parent process dies
 * @param parentPollMs interval of the parent-process check
 * @param workerThreads validation and request threads (never the JSON-RPC thread)
 */
public record ServerOptions(
        PrintStream log, IntConsumer exit, long parentPollMs, int workerThreads) {
    public static ServerOptions standard(PrintStream log) {
        return new ServerOptions(
                log,
                System::exit,
                3000,
                Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }
}
