package dev.akguard.lsp.commands;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import dev.akguard.core.ScanSettings;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.finding.Rule;
import dev.akguard.core.suppress.Baseline;
import dev.akguard.lsp.document.DocumentStore;
import dev.akguard.lsp.document.TextDocument;
import dev.akguard.lsp.document.Uris;
import dev.akguard.lsp.project.Project;
import dev.akguard.lsp.project.ProjectRegistry;
import dev.akguard.lsp.validation.ValidationService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The work behind the server's commands, without the protocol: callers turn a {@link
 * CommandException} into a JSON-RPC error and the user sees its message.
 */
public final class CommandService {
    /** Recorded in the baseline entry so a reviewer can tell where an acceptance came from. */
    public static final String BASELINE_NOTE = "accepted in the editor";

    private final DocumentStore documents;
    private final ProjectRegistry projects;
    private final ValidationService validation;
    private final Runnable revalidate;

    /**
     * @param revalidate called after the baseline changed, to refresh every open document's
     *     diagnostics
     */
    public CommandService(
            DocumentStore documents,
            ProjectRegistry projects,
            ValidationService validation,
            Runnable revalidate) {
        this.documents = documents;
        this.projects = projects;
        this.validation = validation;
        this.revalidate = revalidate;
    }

    /** A command's arguments were wrong or its work failed; the message is for the user. */
    public static final class CommandException extends RuntimeException {
        public CommandException(String message) {
            super(message);
        }
    }

    /**
     * Adds the finding with this fingerprint, as currently found in the open document, to its
     * project's baseline file (created if missing), then reloads the project so the finding
     * disappears everywhere.
     *
     * @return the baseline file written
     */
    public Path addToBaseline(List<Object> args) {
        String uri = stringArg(args, 0, "document URI");
        String fingerprint = stringArg(args, 1, "finding fingerprint");
        TextDocument doc = documents.get(uri);
        if (doc == null)
            throw new CommandException(
                    "the document " + uri + " is not open; open it and try the quick fix again");
        Path file = Uris.toPath(uri);
        if (file == null)
            throw new CommandException(
                    "only files on disk have a baseline; save " + uri + " in a project first");
        Finding f =
                validation.current(doc).findings().stream()
                        .filter(x -> x.fingerprint().equals(fingerprint))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new CommandException(
                                                "no current finding with fingerprint "
                                                        + fingerprint
                                                        + " in "
                                                        + uri
                                                        + " (it may already be fixed, ignored or in the baseline)"));
        Project project = projects.projectFor(file);
        ScanSettings s = project.settings();
        Path baselineFile = s.baselineFile();
        synchronized (this) { // two quick fixes at once must not lose one another's entry
            try {
                Baseline current = project.settings().baseline();
                current.plus(List.of(f), BASELINE_NOTE).save(baselineFile);
            } catch (IOException e) {
                throw new CommandException(
                        "cannot write the baseline " + baselineFile + ": " + e.getMessage());
            }
            projects.reload(baselineFile);
        }
        revalidate.run();
        return baselineFile;
    }

    /** The documentation URL of the rule named by the first argument. */
    public String ruleDocUrl(List<Object> args) {
        String id = stringArg(args, 0, "rule id");
        return Rule.byId(id)
                .map(Rule::helpUri)
                .orElseThrow(() -> new CommandException("unknown rule '" + id + "'"));
    }

    private static String stringArg(List<Object> args, int i, String what) {
        if (args == null || args.size() <= i || args.get(i) == null)
            throw new CommandException("missing argument " + (i + 1) + ": " + what);
        Object a = args.get(i);
        if (a instanceof JsonPrimitive p && p.isString()) return p.getAsString();
        if (a instanceof String s) return s;
        if (a instanceof JsonElement e)
            throw new CommandException(
                    "argument " + (i + 1) + " (" + what + ") must be a string, got " + e);
        throw new CommandException("argument " + (i + 1) + " (" + what + ") must be a string");
    }
}
