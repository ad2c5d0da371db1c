package dev.akguard.cli.common;

import dev.akguard.core.finding.Finding;
import dev.akguard.core.report.ReportOptions;
import dev.akguard.core.report.Reporter;
import dev.akguard.core.report.Version;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** How findings are reported, shared by every scanning command. */
public final class ReportingOptions {
    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
    public String format = "text";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    public Path output;

    @Option(names = "--show-secrets", description = "Print full secrets in the report. Off by default: reports show the first 3 characters and a SHA-256.")
    public boolean showSecrets;

    @Option(names = {"-q", "--quiet"}, description = "No summary or warnings on stderr; only the report and the exit code.")
    public boolean quiet;

    public ReportOptions reportOptions() { return new ReportOptions(showSecrets, Version.get()); }

    /** Fails early on a bad --format, before any scanning work. */
    public Reporter reporter() {
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

    /** Writes the report to --output, or to {@code stdout} (picocli's getOut(), so tests can capture it). */
    public void write(List<Finding> findings, Writer stdout) throws IOException {
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

    /** 0 when nothing was found, 1 otherwise. */
    public static int exitCode(List<Finding> findings) { return findings.isEmpty() ? 0 : 1; }
}
