package dev.akguard.cli.git;

import dev.akguard.cli.common.EngineOptions;
import dev.akguard.cli.common.ReportingOptions;
import dev.akguard.cli.common.Summary;
import dev.akguard.core.Engine;
import dev.akguard.git.GitEnvironment;
import dev.akguard.git.GitRepos;
import dev.akguard.git.commit.StagedScan;
import dev.akguard.git.push.PrePushScan;
import dev.akguard.git.push.PushAdvice;
import dev.akguard.git.push.PushUpdate;
import dev.akguard.git.receive.PreReceiveScan;
import dev.akguard.git.receive.RefUpdate;
import dev.akguard.git.scan.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * The hook checks, shared by the picocli commands and {@link HookFastPath}. Nothing here touches
 * picocli, so the fast path loads none of it.
 */
final class HookChecks {
    private HookChecks() {}

    /**
     * Where config and baseline are looked up: the work tree's top, or the git dir of a bare
     * repository.
     */
    static Path root(Repository r) {
        return r.isBare() ? r.getDirectory().toPath() : r.getWorkTree().toPath();
    }

    static int prePush(
            Path repoDir,
            String remote,
            ReportingOptions reporting,
            EngineOptions engineOptions,
            InputStream in,
            PrintStream out,
            PrintWriter err)
            throws IOException {
        reporting.reporter();
        Timing timing = new Timing(err);
        List<PushUpdate> updates =
                PushUpdate.readAll(new InputStreamReader(in, StandardCharsets.UTF_8));
        GitRepos.skipSystemConfig();
        timing.mark("read input");
        try (Repository repo = GitRepos.open(repoDir)) {
            timing.mark("open repository");
            if (updates.isEmpty()) {
                updates = fromPreCommitFramework(repo, GitEnvironment.current());
                if (remote == null) remote = GitEnvironment.get("PRE_COMMIT_REMOTE_NAME");
            }
            if (updates.isEmpty()) return 0;
            Engine engine = engineOptions.engine(root(repo));
            timing.mark("load config");
            ScanResult result = PrePushScan.run(repo, engine, remote, updates);
            timing.mark("scan " + result.commits() + " commits");
            int exit = report(result, reporting, out, err, PushAdvice.forPush(result.findings()));
            timing.done();
            return exit;
        }
    }

    /**
     * The server-side check: git's pre-receive input on {@code in}, run in the bare repository
     * (quarantine env).
     */
    static int preReceive(
            Path repoDir,
            ReportingOptions reporting,
            EngineOptions engineOptions,
            InputStream in,
            PrintStream out,
            PrintWriter err)
            throws IOException {
        reporting.reporter();
        List<RefUpdate> updates =
                RefUpdate.readAll(new InputStreamReader(in, StandardCharsets.UTF_8));
        if (updates.isEmpty()) return 0;
        GitRepos.skipSystemConfig();
        try (Repository repo = GitRepos.open(repoDir)) {
            ScanResult result = PreReceiveScan.run(repo, engineOptions.engine(root(repo)), updates);
            return report(result, reporting, out, err, PushAdvice.forReceive(result.findings()));
        }
    }

    static int preCommit(
            Path repoDir,
            ReportingOptions reporting,
            EngineOptions engineOptions,
            PrintStream out,
            PrintWriter err)
            throws IOException {
        reporting.reporter();
        GitRepos.skipSystemConfig();
        try (Repository repo = GitRepos.open(repoDir)) {
            ScanResult result = StagedScan.run(repo, engineOptions.engine(root(repo)));
            return report(result, reporting, out, err, PushAdvice.forCommit(result.findings()));
        }
    }

    /**
     * With AKGUARD_TIMING=1, where a hook run spends its time, on stderr: for diagnosing a slow
     * hook.
     */
    private static final class Timing {
        private final PrintWriter err;
        private final boolean on = "1".equals(GitEnvironment.get("AKGUARD_TIMING"));
        private final long start = System.nanoTime();
        private long last = start;
        private final StringBuilder line = new StringBuilder("akguard: timing:");

        Timing(PrintWriter err) {
            this.err = err;
        }

        void mark(String what) {
            if (!on) return;
            long now = System.nanoTime();
            line.append(' ')
                    .append(what)
                    .append(' ')
                    .append((now - last) / 1_000_000)
                    .append(" ms,");
            last = now;
        }

        void done() {
            if (!on) return;
            err.println(
                    line.append(" total ")
                            .append((System.nanoTime() - start) / 1_000_000)
                            .append(" ms (plus JVM start-up)"));
            err.flush();
        }
    }

    private static int report(
            ScanResult result,
            ReportingOptions reporting,
            PrintStream out,
            PrintWriter err,
            String advice)
            throws IOException {
        if (!reporting.quiet) Summary.printSkips(result.skipped(), false, err);
        if (!result.findings().isEmpty()) {
            reporting.write(result.findings(), out, err);
            out.flush();
            if (!reporting.quiet && !reporting.reported().isEmpty()) err.print(advice);
        }
        err.flush();
        return reporting.exitCode(result.findings());
    }

    /**
     * The pre-commit framework runs pre-push hooks without git's stdin and passes the range in
     * environment variables instead.
     */
    static List<PushUpdate> fromPreCommitFramework(Repository repo, Map<String, String> env)
            throws IOException {
        String to = env.get("PRE_COMMIT_TO_REF");
        if (to == null || to.isBlank()) return List.of();
        ObjectId local = repo.resolve(to);
        if (local == null) return List.of();
        String from = env.get("PRE_COMMIT_FROM_REF");
        ObjectId remoteId = from == null || from.isBlank() ? null : repo.resolve(from);
        return List.of(
                new PushUpdate(
                        env.getOrDefault("PRE_COMMIT_LOCAL_BRANCH", to),
                        local,
                        env.getOrDefault("PRE_COMMIT_REMOTE_BRANCH", "refs/heads/unknown"),
                        remoteId == null ? ObjectId.zeroId() : remoteId));
    }
}
