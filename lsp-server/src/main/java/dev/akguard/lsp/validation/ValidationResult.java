package dev.akguard.lsp.validation;

import dev.akguard.core.finding.Finding;
import dev.akguard.lsp.document.TextDocument;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;

/**
 * What one validation of one document snapshot found.
 *
 * @param generation the settings generation it was computed under (config, baseline and editor
 *     settings)
 * @param findings findings after suppression and editor-side "off" severities (what code actions
 *     work on)
 */
public record ValidationResult(
        TextDocument document,
        long generation,
        List<Finding> findings,
        List<Diagnostic> diagnostics) {
    public ValidationResult {
        findings = List.copyOf(findings);
        diagnostics = List.copyOf(diagnostics);
    }

    public String resultId() {
        return generation + ":" + document.version();
    }
}
