package dev.akguard.cli.common;

import dev.akguard.core.suppress.ConfigException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns failures into one clear line on stderr and exit code 2. Known problems (bad config, unreadable
 * input) say what to do; anything unexpected says it is a bug, and shows the stack trace only with
 * AKGUARD_DEBUG=1.
 */
public final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        var err = cl.getErr();
        if (ex instanceof UserException || ex instanceof ConfigException || ex instanceof IllegalArgumentException
                || ex instanceof dev.akguard.git.GitException) {
            err.println("akguard: " + ex.getMessage());
        } else if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            err.println("akguard: I/O error: " + ex.getMessage());
        } else if (ex instanceof InterruptedException) {
            err.println("akguard: interrupted");
        } else {
            err.println("akguard: internal error: " + ex + " (this is a bug; rerun with AKGUARD_DEBUG=1 for details and report it)");
        }
        if ("1".equals(System.getenv("AKGUARD_DEBUG"))) ex.printStackTrace(err);
        err.flush();
        return 2;
    }
}
