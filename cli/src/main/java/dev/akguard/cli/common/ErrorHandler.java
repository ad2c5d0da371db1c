package dev.akguard.cli.common;

import dev.akguard.core.suppress.ConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns failures into one clear line on stderr and exit code 2. Known problems (bad config,
 * unreadable input) say what to do; anything unexpected says it is a bug, and shows the stack trace
 * only with AKGUARD_DEBUG=1. A JVM {@link Error} (out of memory, no more native threads) is 2 as
 * well: left to the JVM it would exit 1, which reads as "findings".
 */
public final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
            Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        return report(ex, cl.getErr());
    }

    /** Prints one line for {@code ex} and returns exit code 2. */
    public static int report(Throwable ex, PrintWriter err) {
        Throwable error = fatalCause(ex);
        if (error != null) {
            err.println(
                    "akguard: fatal error: "
                            + error
                            + (error instanceof OutOfMemoryError
                                    ? " (lower --threads, or give Java more memory with JAVA_OPTS=-Xmx…)"
                                    : ""));
        } else if (ex instanceof UserException
                || ex instanceof ConfigException
                || ex instanceof IllegalArgumentException
                || ex instanceof dev.akguard.git.GitException) {
            err.println("akguard: " + ex.getMessage());
        } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            err.println("akguard: I/O error: " + ex.getMessage());
        } else if (ex instanceof InterruptedException) {
            err.println("akguard: interrupted");
        } else {
            err.println(
                    "akguard: internal error: "
                            + ex
                            + " (this is a bug; rerun with AKGUARD_DEBUG=1 for details and report it)");
        }
        if ("1".equals(System.getenv("AKGUARD_DEBUG"))) ex.printStackTrace(err);
        err.flush();
        return 2;
    }

    /**
     * The {@link Error} that {@code t} is or was caused by (worker threads wrap theirs), or null.
     */
    private static Throwable fatalCause(Throwable t) {
        for (int depth = 0; t != null && depth < 16; t = t.getCause(), depth++) {
            if (t instanceof Error) return t;
        }
        return null;
    }
}
