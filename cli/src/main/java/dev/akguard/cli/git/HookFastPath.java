package dev.akguard.cli.git;

import dev.akguard.cli.common.EngineOptions;
import dev.akguard.cli.common.ReportingOptions;
import dev.akguard.git.GitRepos;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs `akguard hook pre-push REMOTE URL`, `akguard hook pre-commit [FILE...]` and `akguard hook
 * pre-receive` exactly as the installed hooks call them, without picocli. Picocli's classes are
 * compiled for Java 5, which class-data sharing cannot archive, and building the whole command tree
 * costs more than the check itself; a hook must add as little as possible to every push. Any option
 * on the command line means a person is typing it: the normal parser handles that (same checks,
 * same output).
 */
public final class HookFastPath {
    private HookFastPath() {}

    public static boolean handles(String[] args) {
        if (args.length < 2 || !"hook".equals(args[0])) return false;
        boolean push = "pre-push".equals(args[1]);
        boolean receive = "pre-receive".equals(args[1]);
        if (!push && !receive && !"pre-commit".equals(args[1])) return false;
        if (push && args.length > 4 || receive && args.length > 2) return false;
        for (int i = 2; i < args.length; i++) if (args[i].startsWith("-")) return false;
        return true;
    }

    public static int run(String[] args) {
        AutoCloseable jgitCleanup =
                GitRepos.deferJGitCleanup(); // before JGit starts: saves loading its message bundle
        PrintWriter err =
                new PrintWriter(
                        new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        try {
            return check(args, Path.of("."), System.in, System.out, err);
        } finally {
            try {
                jgitCleanup.close();
            } catch (Exception ignored) {
                /* best effort, like a shutdown hook */
            }
        }
    }

    /**
     * Runs one hook check as {@link #run} does, in {@code cwd} and on the given streams. Errors are
     * reported on {@code err} and give exit code 2.
     */
    public static int check(
            String[] args, Path cwd, InputStream in, PrintStream out, PrintWriter err) {
        try {
            return checkOrThrow(args, cwd, in, out, err);
        } catch (Exception | Error e) {
            return dev.akguard.cli.common.ErrorHandler.report(e, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The check itself, leaving failures to the caller: the hook server hands them back to the
     * hook, which then runs the check in its own JVM and reports them there.
     */
    public static int checkOrThrow(
            String[] args, Path cwd, InputStream in, PrintStream out, PrintWriter err)
            throws java.io.IOException {
        ReportingOptions reporting = new ReportingOptions();
        EngineOptions engine = new EngineOptions();
        if ("pre-push".equals(args[1])) {
            return HookChecks.prePush(
                    cwd, args.length > 2 ? args[2] : null, reporting, engine, in, out, err);
        }
        if ("pre-receive".equals(args[1]))
            return HookChecks.preReceive(cwd, reporting, engine, in, out, err);
        return HookChecks.preCommit(cwd, reporting, engine, out, err);
    }
}
