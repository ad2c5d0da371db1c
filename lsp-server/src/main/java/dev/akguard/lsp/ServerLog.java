package dev.akguard.lsp;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The server's log: stderr always (stdout belongs to the protocol), and window/logMessage once a
 * client is connected so the lines show up in the editor's output panel. Callers never pass
 * secrets: findings are logged by rule, path and redacted values only.
 */
public final class ServerLog {
    private final PrintStream err;
    private volatile LanguageClient client;
    private volatile boolean verbose;

    public ServerLog(PrintStream err) {
        this.err = err;
    }

    public void connect(LanguageClient c) {
        this.client = c;
    }

    public void setVerbose(boolean v) {
        this.verbose = v;
    }

    public void info(String msg) {
        log(MessageType.Info, msg);
    }

    public void warn(String msg) {
        log(MessageType.Warning, msg);
    }

    public void error(String msg) {
        log(MessageType.Error, msg);
    }

    public void debug(String msg) {
        if (verbose) log(MessageType.Log, msg);
    }

    /** Shown to the user (window/showMessage) as well as logged: for problems they must act on. */
    public void showError(String msg) {
        log(MessageType.Error, msg);
        LanguageClient c = client;
        if (c != null) c.showMessage(new MessageParams(MessageType.Error, "akguard: " + msg));
    }

    private void log(MessageType type, String msg) {
        err.println(
                "[akguard-lsp "
                        + LocalTime.now().truncatedTo(ChronoUnit.MILLIS)
                        + " "
                        + type.name().toLowerCase()
                        + "] "
                        + msg);
        LanguageClient c = client;
        if (c != null) {
            try {
                c.logMessage(new MessageParams(type, msg));
            } catch (RuntimeException e) {
                err.println(
                        "[akguard-lsp] cannot send log message to the client: " + e.getMessage());
            }
        }
    }
}
