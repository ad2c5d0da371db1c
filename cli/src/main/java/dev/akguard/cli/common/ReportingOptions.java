package dev.akguard.cli.common;

import dev.akguard.core.finding.Finding;
import dev.akguard.core.report.ReportOptions;
import dev.akguard.core.report.Reporter;
import dev.akguard.core.report.Version;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** How findings are reported, shared by every scanning command. */
public final class ReportingOptions {
    @Option(
            names = {"-f", "--format"},
            paramLabel = "FORMAT",
            description =
                    "text, json, sarif, github (Actions workflow commands: annotations) or gitlab "
                            + "(GitLab secret detection report) (default: ${DEFAULT-VALUE}).")
    public String format = "text";

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the report to FILE instead of standard output.")
    public Path output;

    @Option(
            names = "--show-secrets",
            description =
                    "Print full secrets in the report. Off by default: reports show the first 3 characters and a SHA-256.")
    public boolean showSecrets;

    @Option(
            names = {"-q", "--quiet"},
            description = "No summary or warnings on stderr; only the report and the exit code.")
    public boolean quiet;

    @Option(
            names = "--exit-code",
            paramLabel = "N",
            description =
                    "Exit with N instead of 1 when there are findings (0 to 125, not 2, which means an error).")
    public Integer exitCodeOnFindings;

    @Option(
            names = "--exit-zero",
            description = "Exit 0 even when there are findings (report only); errors still exit 2.")
    public boolean exitZero;

    @Option(
            names = "--verify",
            description =
                    "Check each AccessKey pair found with Alibaba Cloud (STS GetCallerIdentity, "
                            + "which needs no permission) and report its validity: VALID, INVALID, DISABLED or UNKNOWN. Off by default: "
                            + "it sends a request signed with the pair to Alibaba Cloud (AKGUARD_ALIBABA_ENDPOINT overrides where).")
    public boolean verify;

    @Option(
            names = "--only-verified",
            description = "With --verify: report only the pairs Alibaba Cloud accepted (VALID).")
    public boolean onlyVerified;

    /**
     * Validity verdicts of this run (empty without --verify), and the findings actually reported.
     */
    private Map<String, String> verdicts = Map.of();

    private List<Finding> reported;

    /** When the command started: GitLab's report records it. */
    private final Instant started = Instant.now();

    public ReportOptions reportOptions() {
        return new ReportOptions(showSecrets, Version.get())
                .withRevision(ciRevision(System.getenv()), started)
                .withValidity(verdicts);
    }

    /**
     * With --verify, checks the pairs (once per run) and keeps only the VALID ones with
     * --only-verified; what is returned is what gets reported and decides the exit code.
     */
    List<Finding> verified(List<Finding> findings, PrintWriter err) {
        if (!verify || findings.isEmpty()) return findings;
        verdicts = LiveVerification.fromEnvironment().verify(findings);
        if (!quiet && err != null) {
            err.println("akguard: " + LiveVerification.summary(verdicts));
            err.flush();
        }
        if (!onlyVerified) return findings;
        return findings.stream()
                .filter(f -> "VALID".equals(verdicts.get(f.fingerprint())))
                .toList();
    }

    /**
     * The commit CI checked out, for reports that need one when a finding has none (a plain file
     * scan).
     */
    static String ciRevision(java.util.Map<String, String> env) {
        for (String k : List.of("CI_COMMIT_SHA", "GITHUB_SHA")) {
            String v = env.get(k);
            if (v != null && v.matches("[0-9a-fA-F]{7,64}")) return v;
        }
        return null;
    }

    /** Fails early on a bad --format or exit option, before any scanning work. */
    public Reporter reporter() {
        if (exitZero && exitCodeOnFindings != null)
            throw new UserException("--exit-zero and --exit-code cannot be combined");
        if (onlyVerified && !verify)
            throw new UserException(
                    "--only-verified needs --verify (which sends each pair to Alibaba Cloud to check it)");
        if (exitCodeOnFindings != null
                && (exitCodeOnFindings < 0
                        || exitCodeOnFindings > 125
                        || exitCodeOnFindings == 2)) {
            throw new UserException(
                    "--exit-code "
                            + exitCodeOnFindings
                            + " is not allowed: use 0 to 125 except 2 (2 means an error)");
        }
        try {
            return Reporter.forFormat(format);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** Writes the report to --output or stdout. */
    public void write(List<Finding> findings, PrintStream stdout) throws IOException {
        write(findings, new OutputStreamWriter(stdout, StandardCharsets.UTF_8));
    }

    public void write(List<Finding> findings, PrintStream stdout, PrintWriter err)
            throws IOException {
        write(findings, new OutputStreamWriter(stdout, StandardCharsets.UTF_8), err);
    }

    /** The findings the last write reported (after --only-verified), or null before any write. */
    public List<Finding> reported() {
        return reported;
    }

    /** As {@link #write(List, Writer)}, with --verify's summary on {@code err}. */
    public void write(List<Finding> findings, Writer stdout, PrintWriter err) throws IOException {
        reported = verified(findings, err);
        writeReport(reported, stdout);
    }

    /**
     * Writes the report to --output, or to {@code stdout} (picocli's getOut(), so tests can capture
     * it).
     */
    public void write(List<Finding> findings, Writer stdout) throws IOException {
        write(
                findings,
                stdout,
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    }

    private void writeReport(List<Finding> findings, Writer stdout) throws IOException {
        Reporter reporter = reporter();
        if (output != null) {
            Path abs = output.toAbsolutePath();
            if (abs.getParent() != null) Files.createDirectories(abs.getParent());
            try (Writer w = Files.newBufferedWriter(abs, StandardCharsets.UTF_8)) {
                reporter.write(findings, reportOptions(), w);
            }
        } else {
            Writer w = new BufferedWriter(stdout);
            reporter.write(findings, reportOptions(), w);
            w.flush();
        }
    }

    /** 0 when nothing was found; otherwise 1, or what --exit-code / --exit-zero ask for. */
    public int exitCode(List<Finding> findings) {
        if (reported != null) findings = reported; // --only-verified may have dropped some
        if (findings.isEmpty() || exitZero) return 0;
        return exitCodeOnFindings != null ? exitCodeOnFindings : 1;
    }
}
