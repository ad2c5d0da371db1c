package dev.akguard.core.finding;

import java.util.Locale;

/** How serious a finding is. Maps onto SARIF levels and LSP diagnostic severities. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    NOTE("note");

    private final String sarifLevel;

    Severity(String sarifLevel) {
        this.sarifLevel = sarifLevel;
    }

    public String sarifLevel() {
        return sarifLevel;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String s) {
        String v = s.trim().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "ERROR", "HIGH", "CRITICAL" -> ERROR;
            case "WARNING", "WARN", "MEDIUM" -> WARNING;
            case "NOTE", "INFO", "INFORMATION", "LOW", "HINT" -> NOTE;
            default ->
                    throw new IllegalArgumentException(
                            "unknown severity '" + s + "' (use error, warning or note)");
        };
    }
}
