package dev.akguard.cli.git;

import dev.akguard.cli.common.EngineOptions;
import dev.akguard.cli.common.ProgressLine;
import dev.akguard.cli.common.ReportingOptions;
import dev.akguard.cli.common.Summary;
import dev.akguard.cli.common.TimeSpec;
import dev.akguard.cli.common.UserException;
import dev.akguard.git.GitRepos;
import dev.akguard.git.history.HistoryOptions;
import dev.akguard.git.history.HistoryScanner;
import dev.akguard.git.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `akguard scan-history [REPO]`. */
@Command(
        name = "scan-history",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Scan a repository's git history for AccessKeys (every ref by default).",
            "Each blob is scanned once. A finding is reported at the commit that added",
            "its line, with commit, author and date. Submodules and Git LFS pointers",
            "are skipped; in a shallow clone the oldest commit present stands for the",
            "history before it.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  akguard scan-history                        every branch and tag of the current repository",
            "  akguard scan-history --range origin/main..HEAD  what this branch adds",
            "  akguard scan-history --since 2024-01-01 -f sarif -o history.sarif",
            "",
            "Exit codes: 0 nothing found, 1 findings, 2 usage or fatal error."
        })
public final class ScanHistoryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "REPO",
            description = "Repository folder (default: the current one).")
    Path repoDir = Path.of(".");

    @Option(
            names = "--all",
            description =
                    "Scan every ref: branches, tags, remote-tracking refs, stash (the default).")
    boolean all;

    @Option(
            names = "--range",
            paramLabel = "A..B",
            description =
                    "Only commits reachable from B and not from A (or a single revision's history).")
    String range;

    @Option(
            names = "--since",
            paramLabel = "DATE",
            converter = TimeSpec.Converter.class,
            description =
                    "Only commits made on or after DATE: 2024-01-31 or 2024-01-31T12:00 (UTC, as in every akguard command), "
                            + "an ISO instant (2024-01-31T12:00:00+08:00), or an age (7d, 24h).")
    TimeSpec since;

    @Mixin ReportingOptions reporting;

    @Mixin EngineOptions engineOptions;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        reporting.reporter();
        if (all && range != null) throw new UserException("--all and --range cannot be combined");
        HistoryOptions options =
                new HistoryOptions(range, since == null ? null : since.resolve(Clock.systemUTC()));
        long t0 = System.nanoTime();
        GitRepos.useLargePackCaches();
        try (Repository repo = GitRepos.open(repoDir)) {
            HistoryScanner scanner =
                    new HistoryScanner(
                            repo,
                            engineOptions.engine(RepoOption.root(repo)),
                            engineOptions.threads());
            AtomicInteger done = new AtomicInteger(),
                    total = new AtomicInteger(),
                    found = new AtomicInteger();
            AtomicReference<String> phase = new AtomicReference<>("commits");
            ScanResult result;
            try (ProgressLine ignored =
                    new ProgressLine(
                            err,
                            () ->
                                    String.format(
                                            "akguard: %s %d/%d, %d findings",
                                            phase.get(), done.get(), total.get(), found.get()))) {
                result =
                        scanner.run(
                                options,
                                (p, d, t, f) -> {
                                    phase.set(p);
                                    done.set(d);
                                    total.set(t);
                                    found.set(f);
                                });
            }
            reporting.write(result.findings(), System.out, err);
            if (!reporting.quiet) {
                Summary.printSkips(result.skipped(), false, err);
                if (scanner.isShallow()) {
                    err.println(
                            "akguard: this is a shallow clone: findings in its oldest commits may have been introduced earlier "
                                    + "(run `git fetch --unshallow` to scan the full history)");
                }
                err.printf(
                        "akguard: %s in %d commits (%d blobs, %s) in %.2f s%n",
                        Summary.findings(result.findings()),
                        result.commits(),
                        result.blobsScanned(),
                        Summary.size(result.bytesScanned()),
                        (System.nanoTime() - t0) / 1e9);
            }
            return reporting.exitCode(result.findings());
        }
    }
}
