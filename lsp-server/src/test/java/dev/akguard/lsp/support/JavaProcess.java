package dev.akguard.lsp.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a JVM on this test run's classpath (surefire passes it in a system property when it uses a
 * manifest jar).
 */
public final class JavaProcess {
    private JavaProcess() {}

    public static String classpath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp;
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static List<String> command(String mainClass, String... args) {
        List<String> cmd =
                new ArrayList<>(
                        List.of(
                                javaBinary(),
                                "-Xshare:auto",
                                "-XX:TieredStopAtLevel=1",
                                "-cp",
                                classpath(),
                                mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    public static Process start(File stderrFile, String mainClass, String... args)
            throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(mainClass, args));
        pb.redirectError(stderrFile);
        return pb.start();
    }
}
