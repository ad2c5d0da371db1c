package dev.akguard.cli.common;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether stderr is a terminal: progress lines are drawn only there, never into logs or pipes. */
public final class Terminal {
    private Terminal() {}

    public static boolean stderrIsTerminal() {
        if ("1".equals(System.getenv("AKGUARD_PROGRESS"))) return true;
        if ("0".equals(System.getenv("AKGUARD_PROGRESS")) || System.getenv("CI") != null)
            return false;
        try {
            // Linux: fd 2 links to /dev/pts/N or /dev/ttyN when it is a terminal.
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }
}
