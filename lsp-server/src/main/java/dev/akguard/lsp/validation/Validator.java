package dev.akguard.lsp.validation;

import dev.akguard.core.finding.Finding;
import dev.akguard.lsp.document.TextDocument;
import dev.akguard.lsp.document.Uris;
import dev.akguard.lsp.project.Project;
import dev.akguard.lsp.project.ProjectRegistry;
import dev.akguard.lsp.settings.ClientSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Scans one document snapshot with its project's engine. Pure: no threads, no protocol. */
public final class Validator {
    private final ProjectRegistry projects;

    public Validator(ProjectRegistry projects) {
        this.projects = projects;
    }

    public ValidationResult validate(TextDocument doc, ClientSettings settings, long generation) {
        Path file = Uris.toPath(doc.uri());
        Project project = projects.projectFor(file);
        String rel = file == null ? Uris.name(doc.uri()) : project.relativePath(file);
        if (isExcluded(project, rel, settings)
                || doc.text().length() > project.settings().config().maxFileSize()) {
            return new ValidationResult(doc, generation, List.of(), List.of());
        }
        List<Finding> found = project.engine().scan(doc.text(), rel);
        List<Finding> shown = new ArrayList<>(found.size());
        for (Finding f : found) if (DiagnosticFactory.severity(f, settings) != null) shown.add(f);
        return new ValidationResult(
                doc, generation, shown, DiagnosticFactory.diagnostics(doc.uri(), shown, settings));
    }

    /**
     * Excluded by the project's config (as `akguard scan` would skip it) or by the editor's own
     * excludes.
     */
    public static boolean isExcluded(Project project, String rel, ClientSettings settings) {
        if (rel == null || rel.isEmpty()) return false;
        return project.engine().isExcluded(rel) || settings.excludeFilter().excludes(rel);
    }
}
