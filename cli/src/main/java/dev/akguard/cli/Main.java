package dev.akguard.cli;

/** Entry point of the akguard jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = 2;
        try {
            code =
                    dev.akguard.cli.git.HookFastPath.handles(args)
                            ? dev.akguard.cli.git.HookFastPath.run(
                                    args) // no picocli: hooks start fast
                            : run(args);
        } catch (
                Throwable
                        t) { // even reporting failed (e.g. still out of memory): an error, never 1
            // ("findings")
            code = 2;
        } finally {
            System.exit(code);
        }
    }

    /**
     * Runs a command line and returns its exit code (0 clean, 1 findings, 2 usage or fatal error).
     */
    public static int run(String... args) {
        try {
            return AkguardCommand.commandLine(args).execute(args);
        } catch (Error e) { // picocli hands only Exceptions to the ErrorHandler
            java.io.PrintWriter err =
                    new java.io.PrintWriter(
                            new java.io.OutputStreamWriter(
                                    System.err, java.nio.charset.StandardCharsets.UTF_8),
                            true);
            return dev.akguard.cli.common.ErrorHandler.report(e, err);
        }
    }
}
