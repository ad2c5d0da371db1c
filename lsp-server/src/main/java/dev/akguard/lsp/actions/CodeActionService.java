package dev.akguard.lsp.actions;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.akguard.core.Engine;
import dev.akguard.core.finding.Finding;
import dev.akguard.core.suppress.Baseline;
import dev.akguard.lsp.commands.Commands;
import dev.akguard.lsp.document.TextDocument;
import dev.akguard.lsp.document.Uris;
import dev.akguard.lsp.validation.DiagnosticFactory;
import dev.akguard.lsp.validation.ValidationResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Quick fixes for the findings under a range. Pure: a validation result and a range in, code
 * actions out. Per finding, in this order: read the credentials from environment variables
 * (preferred), ignore it on this line, accept it in the baseline, open the rule's documentation.
 */
public final class CodeActionService {
    public static final String ID_VARIABLE = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    public static final String SECRET_VARIABLE = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    public static final String TOKEN_VARIABLE = "ALIBABA_CLOUD_SECURITY_TOKEN";

    /** RAM user secrets are 30 characters, STS secrets up to 44; security tokens are longer. */
    private static final int MAX_SECRET_LENGTH = 44;

    private final boolean documentChanges;

    /**
     * @param documentChanges the client accepts versioned {@code documentChanges} (else plain
     *     {@code changes})
     */
    public CodeActionService(boolean documentChanges) {
        this.documentChanges = documentChanges;
    }

    public List<CodeAction> codeActions(
            ValidationResult result, Range requested, List<Diagnostic> contextDiagnostics) {
        TextDocument doc = result.document();
        Range r = doc.clamp(requested);
        int from = doc.offsetAt(r.getStart()), to = doc.offsetAt(r.getEnd());
        FileLanguage lang = FileLanguage.detect(fileName(doc.uri()), doc.languageId());
        List<CodeAction> out = new ArrayList<>();
        List<Finding> hit =
                result.findings().stream()
                        .filter(
                                f ->
                                        touches(doc, f.id(), from, to)
                                                || (f.secretPosition() != null
                                                        && touches(
                                                                doc, f.secretPosition(), from, to))
                                                || (f.hasSecurityToken()
                                                        && touches(
                                                                doc,
                                                                f.securityTokenPosition(),
                                                                from,
                                                                to)))
                        .sorted(Comparator.comparingInt(f -> f.id().line()))
                        .toList();
        for (Finding f : hit) {
            List<Diagnostic> diags = diagnosticsOf(f, contextDiagnostics, result.diagnostics());
            CodeAction env = environmentAction(doc, lang, f, diags);
            if (env != null) out.add(env);
            CodeAction ignore = ignoreAction(doc, lang, f, diags);
            if (ignore != null) out.add(ignore);
            out.add(
                    command(
                            "Add "
                                    + f.accessKeyId()
                                    + " to the baseline ("
                                    + Baseline.FILE_NAME
                                    + ")",
                            diags,
                            new Command(
                                    "Add to akguard baseline",
                                    Commands.ADD_TO_BASELINE,
                                    List.of(doc.uri(), f.fingerprint()))));
            out.add(
                    command(
                            "Open the documentation of " + f.ruleId(),
                            diags,
                            new Command(
                                    "Open akguard rule documentation",
                                    Commands.OPEN_RULE_DOC,
                                    List.of(f.ruleId()))));
        }
        return out;
    }

    /** Replaces the ID (and the secret, if any) by the language's environment-variable idiom. */
    CodeAction environmentAction(
            TextDocument doc, FileLanguage lang, Finding f, List<Diagnostic> diags) {
        EnvIdiom idiom = lang.idiom();
        if (!idiom.available() || !"plain".equals(f.encoding())) return null;
        List<TextEdit> edits = new ArrayList<>();
        List<TextEdit> idEdits = replace(doc, idiom, f.id(), f.accessKeyId(), ID_VARIABLE);
        if (idEdits == null) return null;
        edits.addAll(idEdits);
        String secretVariable = null;
        if (f.secret() != null) {
            // STS credentials found with a token but no secret report the token as their secret
            secretVariable =
                    f.secret().value().length() <= MAX_SECRET_LENGTH
                            ? SECRET_VARIABLE
                            : TOKEN_VARIABLE;
            List<TextEdit> secretEdits =
                    replace(doc, idiom, f.secretPosition(), f.secret().value(), secretVariable);
            if (secretEdits == null)
                return null; // replacing only the ID would leave the secret behind, looking fixed
            edits.addAll(secretEdits);
        }
        if (f.hasSecurityToken()) {
            List<TextEdit> tokenEdits =
                    replace(
                            doc,
                            idiom,
                            f.securityTokenPosition(),
                            f.securityToken().value(),
                            TOKEN_VARIABLE);
            if (tokenEdits == null) return null; // nor the token
            edits.addAll(tokenEdits);
            secretVariable = secretVariable + " / " + TOKEN_VARIABLE;
        }
        TextEdit imp = idiom.importEdit(doc);
        if (imp != null) edits.add(0, imp);
        String title =
                idiom == EnvIdiom.DOTENV
                        ? "Remove the credential value"
                                + (f.secret() == null ? "" : "s")
                                + " from this .env file"
                        : "Read "
                                + (f.secret() == null
                                        ? "the AccessKey ID from " + ID_VARIABLE
                                        : "the credentials from "
                                                + ID_VARIABLE
                                                + " / "
                                                + secretVariable);
        CodeAction a = new CodeAction(title);
        a.setKind(CodeActionKind.QuickFix);
        a.setDiagnostics(diags);
        a.setIsPreferred(true);
        a.setEdit(workspaceEdit(doc, edits));
        return a;
    }

    private static List<TextEdit> replace(
            TextDocument doc,
            EnvIdiom idiom,
            dev.akguard.core.finding.Position p,
            String expected,
            String variable) {
        if (p.line() != p.endLine()) return null;
        int s = doc.offsetAt(new Position(p.line() - 1, p.column() - 1));
        int e = doc.offsetAt(new Position(p.endLine() - 1, p.endColumn() - 1));
        // the finding must still describe this text (a stale result must not produce a wrong edit)
        if (e - s != expected.length()
                || !doc.text().regionMatches(s, expected, 0, expected.length())) return null;
        return idiom.replace(doc, s, e, variable);
    }

    /**
     * Appends {@code akguard:ignore} as a comment at the end of the ID's line (the engine honours
     * it there).
     */
    CodeAction ignoreAction(
            TextDocument doc, FileLanguage lang, Finding f, List<Diagnostic> diags) {
        String comment = lang.comment().wrap(Engine.IGNORE_MARKER);
        if (comment == null) return null;
        int line = f.id().line() - 1;
        String text = doc.lineText(line);
        Position end = new Position(line, text.length());
        String sep =
                text.isEmpty() || Character.isWhitespace(text.charAt(text.length() - 1)) ? "" : " ";
        CodeAction a = new CodeAction("Ignore this finding (" + comment + ")");
        a.setKind(CodeActionKind.QuickFix);
        a.setDiagnostics(diags);
        a.setEdit(workspaceEdit(doc, List.of(new TextEdit(new Range(end, end), sep + comment))));
        return a;
    }

    private static CodeAction command(String title, List<Diagnostic> diags, Command cmd) {
        CodeAction a = new CodeAction(title);
        a.setKind(CodeActionKind.QuickFix);
        a.setDiagnostics(diags);
        a.setCommand(cmd);
        return a;
    }

    private WorkspaceEdit workspaceEdit(TextDocument doc, List<TextEdit> edits) {
        if (documentChanges) {
            TextDocumentEdit tde =
                    new TextDocumentEdit(
                            new VersionedTextDocumentIdentifier(doc.uri(), doc.version()), edits);
            return new WorkspaceEdit(List.of(Either.forLeft(tde)));
        }
        return new WorkspaceEdit(Map.of(doc.uri(), edits));
    }

    /** The client's diagnostics for this finding if it sent them, else ours. */
    private static List<Diagnostic> diagnosticsOf(
            Finding f, List<Diagnostic> fromClient, List<Diagnostic> ours) {
        List<Diagnostic> mine = new ArrayList<>();
        for (Diagnostic d : fromClient == null ? List.<Diagnostic>of() : fromClient)
            if (belongsTo(d, f)) mine.add(d);
        if (!mine.isEmpty()) return mine;
        for (Diagnostic d : ours) if (belongsTo(d, f)) mine.add(d);
        return mine;
    }

    private static boolean belongsTo(Diagnostic d, Finding f) {
        if (!DiagnosticFactory.SOURCE.equals(d.getSource())) return false;
        Object data = d.getData();
        if (data instanceof JsonElement e && e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            return o.has("fingerprint")
                    && f.fingerprint().equals(o.get("fingerprint").getAsString());
        }
        // clients that drop data: match by range
        return d.getRange() != null
                && (d.getRange().equals(DiagnosticFactory.range(f.id()))
                        || (f.secretPosition() != null
                                && d.getRange().equals(DiagnosticFactory.range(f.secretPosition())))
                        || (f.hasSecurityToken()
                                && d.getRange()
                                        .equals(
                                                DiagnosticFactory.range(
                                                        f.securityTokenPosition()))));
    }

    private static boolean touches(
            TextDocument doc, dev.akguard.core.finding.Position p, int from, int to) {
        int s = doc.offsetAt(new Position(p.line() - 1, p.column() - 1));
        int e = doc.offsetAt(new Position(p.endLine() - 1, p.endColumn() - 1));
        return s <= to && from <= e;
    }

    private static String fileName(String uri) {
        var path = Uris.toPath(uri);
        return path == null
                ? Uris.name(uri)
                : (path.getFileName() == null ? null : path.getFileName().toString());
    }
}
