package dev.akguard.cli.scan;

import dev.akguard.cli.common.EngineOptions;
import dev.akguard.cli.common.ProgressLine;
import dev.akguard.cli.common.ReportingOptions;
import dev.akguard.cli.common.Summary;
import dev.akguard.cli.common.UserException;
import dev.akguard.core.Engine;
import dev.akguard.core.ScanRunner;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.source.FileScanner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `akguard scan [PATH...]`: files, folders or standard input. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Scan files and folders (default: the current folder) for Alibaba Cloud AccessKeys. "
                    + "Honours .gitignore, skips .git and files over --max-file-size, and never follows symbolic links unless asked. "
                    + "Binary files are scanned through their printable strings (findings give the byte offset), archives "
                    + "(zip, jar, war, apk, docx, xlsx, tar, tar.gz) inside, nested up to --archive-depth; findings inside "
                    + "are named archive.zip!/inner/path. Use `-` to read standard input, e.g. `git diff | akguard scan -`.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  akguard scan                      scan the current folder",
            "  akguard scan src config.yml        scan a folder and a file",
            "  akguard scan -f sarif -o out.sarif upload to GitHub code scanning",
            "  git diff --cached | akguard scan - --stdin-name staged.diff",
            "",
            "Exit codes: 0 nothing found, 1 findings, 2 usage or fatal error, or a file named on the command line",
            "could not be scanned (unreadable, too large, not a regular file)."
        })
public final class ScanCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
            paramLabel = "PATH",
            arity = "0..*",
            description = "Files or folders to scan, or - for standard input (default: .).")
    List<String> paths = new ArrayList<>();

    @Mixin ReportingOptions reporting;

    @Mixin EngineOptions engineOptions;

    @Option(
            names = "--stdin-name",
            paramLabel = "NAME",
            description = "Name to report for standard input (default: ${DEFAULT-VALUE}).")
    String stdinName = "-";

    @Option(
            names = "--follow-symlinks",
            description = "Follow symbolic links (loops are detected and skipped).")
    boolean followSymlinks;

    @Option(names = "--no-gitignore", description = "Scan files that .gitignore excludes too.")
    boolean noGitignore;

    @Option(
            names = {"-v", "--verbose"},
            description = "List every skipped path, not only the first few per reason.")
    boolean verbose;

    /** Standard input; replaceable so tests can feed it. */
    InputStream stdin = System.in;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        reporting.reporter(); // reject a bad --format before scanning
        if (paths.isEmpty()) paths.add(".");
        long t0 = System.nanoTime();
        if (paths.contains("-")) {
            if (paths.size() > 1)
                throw new UserException("`-` (standard input) cannot be combined with other paths");
            return scanStdin(err);
        }
        List<Path> roots = new ArrayList<>();
        for (String p : paths) {
            Path path = Path.of(p);
            if (!Files.exists(path)) throw new UserException("no such file or folder: " + p);
            roots.add(path);
        }
        Path settingsRoot =
                roots.size() == 1 && Files.isDirectory(roots.get(0)) ? roots.get(0) : Path.of(".");
        Engine engine = engineOptions.engine(settingsRoot);
        Path displayBase =
                roots.size() == 1 && Files.isDirectory(roots.get(0)) ? roots.get(0) : Path.of(".");
        ScanRunner runner =
                new ScanRunner(engine, engineOptions.threads(), followSymlinks, !noGitignore);
        ScanRunner.Progress progress = new ScanRunner.Progress();
        ScanRunner.Result result;
        try (ProgressLine ignored =
                new ProgressLine(
                        err,
                        () ->
                                String.format(
                                        "akguard: %d/%d files, %s, %d findings",
                                        progress.filesScanned.get(),
                                        progress.filesListed.get(),
                                        Summary.size(progress.bytesScanned.get()),
                                        progress.findings.get()))) {
            result = runner.run(roots, displayBase, progress);
        }
        reporting.write(result.findings(), spec.commandLine().getOut(), err);
        if (!reporting.quiet) {
            double secs = (System.nanoTime() - t0) / 1e9;
            Summary.printSkips(result.skipped(), verbose, err);
            err.printf(
                    "akguard: %s in %d %s (%s) in %.2f s%n",
                    Summary.findings(result.findings()),
                    result.filesScanned(),
                    result.filesScanned() == 1 ? "file" : "files",
                    Summary.size(result.bytesScanned()),
                    secs);
        }
        if (!result.operandsSkipped().isEmpty()) {
            // A path named on the command line that could not be scanned is an error, whatever else
            // was found (as grep).
            for (var s : result.operandsSkipped()) err.println("akguard: error: cannot scan " + s);
            err.flush();
            return 2;
        }
        return reporting.exitCode(result.findings());
    }

    private int scanStdin(java.io.PrintWriter err) throws IOException {
        Engine engine = engineOptions.engine(Path.of("."));
        List<Finding> findings = scanStream(engine, stdin, stdinName);
        reporting.write(findings, spec.commandLine().getOut(), err);
        if (!reporting.quiet)
            err.println("akguard: " + Summary.findings(findings) + " in standard input");
        return reporting.exitCode(findings);
    }

    /**
     * Standard input is read in full when small, streamed through the file scanner's windows when
     * large.
     */
    static List<Finding> scanStream(Engine engine, InputStream in, String name) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        int r;
        while ((r = in.read(buf)) > 0) {
            head.write(buf, 0, r);
            if (head.size() > (16 << 20)) {
                InputStream rest =
                        new java.io.SequenceInputStream(
                                new java.io.ByteArrayInputStream(head.toByteArray()), in);
                return new FileScanner(engine).scanStream(rest, name);
            }
        }
        return engine.scan(head.toByteArray(), name);
    }
}
