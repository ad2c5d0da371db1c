package dev.akguard.lsp;

import dev.akguard.core.suppress.Baseline;
import dev.akguard.core.suppress.Config;
import dev.akguard.lsp.document.TextDocument;
import dev.akguard.lsp.document.Uris;
import dev.akguard.lsp.validation.ValidationResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.DocumentDiagnosticReport;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.RelatedUnchangedDocumentDiagnosticReport;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * textDocument/* messages. Notifications only update the document snapshot (cheap, even for a 1 MB
 * file: the edit is spliced in and the line table patched) and schedule work; requests are answered
 * from the worker pool.
 */
final class DocumentsAdapter implements TextDocumentService {
    private final AkguardLanguageServer server;

    DocumentsAdapter(AkguardLanguageServer server) {
        this.server = server;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        Notifications.guarded(
                server.log(),
                "textDocument/didOpen",
                () -> {
                    TextDocumentItem item = params == null ? null : params.getTextDocument();
                    if (item == null || item.getUri() == null) {
                        server.log().warn("textDocument/didOpen without a document: ignored");
                        return;
                    }
                    TextDocument d =
                            server.documents()
                                    .open(
                                            item.getUri(),
                                            item.getLanguageId(),
                                            item.getVersion(),
                                            item.getText() == null ? "" : item.getText());
                    server.validation().opened(d);
                });
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        Notifications.guarded(
                server.log(),
                "textDocument/didChange",
                () -> {
                    String uri =
                            params == null || params.getTextDocument() == null
                                    ? null
                                    : params.getTextDocument().getUri();
                    if (uri == null) {
                        server.log().warn("textDocument/didChange without a document: ignored");
                        return;
                    }
                    TextDocument current = server.documents().get(uri);
                    if (current == null) {
                        server.log().warn("didChange for " + uri + ", which is not open: ignored");
                        return;
                    }
                    String problem = malformed(params.getContentChanges());
                    if (problem != null) {
                        server.log()
                                .warn(
                                        "didChange for "
                                                + uri
                                                + " ignored: "
                                                + problem
                                                + "; close and reopen the document to resync");
                        return;
                    }
                    Integer version = params.getTextDocument().getVersion();
                    TextDocument d =
                            server.documents()
                                    .change(
                                            uri,
                                            version == null ? current.version() + 1 : version,
                                            params.getContentChanges());
                    if (d != null) server.validation().changed(d);
                });
    }

    /**
     * What is wrong with the changes (null list or entry, a range without start or end, a position
     * without numbers), or null.
     */
    static String malformed(List<TextDocumentContentChangeEvent> changes) {
        if (changes == null) return "no contentChanges";
        for (int i = 0; i < changes.size(); i++) {
            TextDocumentContentChangeEvent c = changes.get(i);
            if (c == null) return "contentChanges[" + i + "] is null";
            Range r = c.getRange();
            if (r != null && (r.getStart() == null || r.getEnd() == null))
                return "contentChanges[" + i + "].range lacks start or end";
        }
        return null;
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        Notifications.guarded(
                server.log(),
                "textDocument/didClose",
                () -> {
                    if (params == null
                            || params.getTextDocument() == null
                            || params.getTextDocument().getUri() == null) return;
                    String uri = params.getTextDocument().getUri();
                    server.documents().close(uri);
                    server.validation().closed(uri);
                });
    }

    /**
     * Clients without file watchers still tell us when the user saves .akguard.json in the editor.
     */
    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        Notifications.guarded(
                server.log(),
                "textDocument/didSave",
                () -> {
                    if (params == null || params.getTextDocument() == null) return;
                    Path p = Uris.toPath(params.getTextDocument().getUri());
                    if (p == null || p.getFileName() == null) return;
                    String name = p.getFileName().toString();
                    if (name.equals(Config.FILE_NAME) || name.equals(Baseline.FILE_NAME)) {
                        if (!server.projects().reload(p).isEmpty()) server.revalidateAll();
                    }
                });
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(
            CodeActionParams params) {
        return CompletableFuture.supplyAsync(
                () -> {
                    TextDocument d = server.documents().get(params.getTextDocument().getUri());
                    if (d == null || !wantsQuickFixes(params))
                        return List.<Either<Command, CodeAction>>of();
                    ValidationResult r = server.validation().current(d);
                    List<CodeAction> actions =
                            server.codeActions()
                                    .codeActions(
                                            r,
                                            params.getRange(),
                                            params.getContext() == null
                                                    ? List.of()
                                                    : params.getContext().getDiagnostics());
                    return actions.stream().map(Either::<Command, CodeAction>forRight).toList();
                },
                server.workers());
    }

    /**
     * A client that asks only for other kinds (e.g. {@code source.organizeImports} on save) gets
     * none of ours.
     */
    private static boolean wantsQuickFixes(CodeActionParams params) {
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        if (only == null || only.isEmpty()) return true;
        return only.stream()
                .anyMatch(
                        k ->
                                k.equals(CodeActionKind.QuickFix)
                                        || CodeActionKind.QuickFix.startsWith(k + ".")
                                        || k.isEmpty());
    }

    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        return CompletableFuture.supplyAsync(
                () -> {
                    TextDocument d = server.documents().get(params.getTextDocument().getUri());
                    if (d == null)
                        return new DocumentDiagnosticReport(
                                new RelatedFullDocumentDiagnosticReport(List.of()));
                    ValidationResult r = server.validation().current(d);
                    if (r.resultId().equals(params.getPreviousResultId())) {
                        return new DocumentDiagnosticReport(
                                new RelatedUnchangedDocumentDiagnosticReport(r.resultId()));
                    }
                    RelatedFullDocumentDiagnosticReport full =
                            new RelatedFullDocumentDiagnosticReport(r.diagnostics());
                    full.setResultId(r.resultId());
                    return new DocumentDiagnosticReport(full);
                },
                server.workers());
    }
}
