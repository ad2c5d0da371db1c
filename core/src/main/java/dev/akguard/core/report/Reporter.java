package dev.akguard.core.report;

import dev.akguard.core.finding.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/**
 * Writes findings in one output format. Reporters never print a full secret unless options say so.
 */
public interface Reporter {
    void write(List<Finding> findings, ReportOptions options, Writer out) throws IOException;

    /**
     * "text", "json", "sarif", "github" (Actions workflow commands) or "gitlab" (secret detection
     * report).
     */
    static Reporter forFormat(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> new TextReporter();
            case "json" -> new JsonReporter();
            case "sarif" -> new SarifReporter();
            case "github" -> new GitHubReporter();
            case "gitlab" -> new GitLabReporter();
            default ->
                    throw new IllegalArgumentException(
                            "unknown format '"
                                    + format
                                    + "' (use text, json, sarif, github or gitlab)");
        };
    }
}
