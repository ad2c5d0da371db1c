package dev.akguard.lsp.settings;

import dev.akguard.core.finding.Severity;
import java.util.Locale;
import org.eclipse.lsp4j.DiagnosticSeverity;

/**
 * What the user asked an editor to show for a rule: one of LSP's four severities, or nothing at
 * all.
 */
public enum RuleSeverity {
    ERROR(DiagnosticSeverity.Error),
    WARNING(DiagnosticSeverity.Warning),
    INFORMATION(DiagnosticSeverity.Information),
    HINT(DiagnosticSeverity.Hint),
    OFF(null);

    private final DiagnosticSeverity lsp;

    RuleSeverity(DiagnosticSeverity lsp) {
        this.lsp = lsp;
    }

    /** Null for {@link #OFF}. */
    public DiagnosticSeverity lsp() {
        return lsp;
    }

    /**
     * The editor severity of a finding whose severity came from the engine (rule default or
     * .akguard.json).
     */
    public static DiagnosticSeverity of(Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case NOTE -> DiagnosticSeverity.Information;
        };
    }

    public static RuleSeverity parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            case "information", "info", "note" -> INFORMATION;
            case "hint" -> HINT;
            case "off", "none", "ignore" -> OFF;
            default ->
                    throw new IllegalArgumentException(
                            "unknown severity '"
                                    + s
                                    + "' (use error, warning, information, hint or off)");
        };
    }
}
