package dev.akguard.cli;

import picocli.CommandLine;

/** Entry point of the akguard jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (dev.akguard.cli.git.HookFastPath.handles(args)) System.exit(dev.akguard.cli.git.HookFastPath.run(args)); // no picocli: hooks start fast
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit code (0 clean, 1 findings, 2 usage or fatal error). */
    public static int run(String... args) {
        try {
            return AkguardCommand.commandLine(args).execute(args);
        } catch (Error e) { // picocli hands only Exceptions to the ErrorHandler
            java.io.PrintWriter err = new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err,
                    java.nio.charset.StandardCharsets.UTF_8), true);
            return dev.akguard.cli.common.ErrorHandler.report(e, err);
        }
    }
}
