package dev.akguard.lsp;

import dev.akguard.core.suppress.Baseline;
import dev.akguard.core.suppress.Config;
import dev.akguard.lsp.document.TextDocument;
import dev.akguard.lsp.document.Uris;
import dev.akguard.lsp.validation.ValidationResult;
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
import org.eclipse.lsp4j.RelatedFullDocumentDiagnosticReport;
import org.eclipse.lsp4j.RelatedUnchangedDocumentDiagnosticReport;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * textDocument/* messages. Notifications only update the document snapshot (cheap, even for a 1 MB file: the edit is
 * spliced in and the line table patched) and schedule work; requests are answered from the worker pool.
 */
final class DocumentsAdapter implements TextDocumentService {
    private final AkguardLanguageServer server;

    DocumentsAdapter(AkguardLanguageServer server) { this.server = server; }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        TextDocumentItem item = params.getTextDocument();
        TextDocument d = server.documents().open(item.getUri(), item.getLanguageId(), item.getVersion(),
                item.getText() == null ? "" : item.getText());
        server.validation().opened(d);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        Integer version = params.getTextDocument().getVersion();
        TextDocument current = server.documents().get(uri);
        if (current == null) {
            server.log().warn("didChange for " + uri + ", which is not open: ignored");
            return;
        }
        TextDocument d = server.documents().change(uri, version == null ? current.version() + 1 : version, params.getContentChanges());
        if (d != null) server.validation().changed(d);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        server.documents().close(uri);
        server.validation().closed(uri);
    }

    /** Clients without file watchers still tell us when the user saves .akguard.json in the editor. */
    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        Path p = Uris.toPath(params.getTextDocument().getUri());
        if (p == null || p.getFileName() == null) return;
        String name = p.getFileName().toString();
        if (name.equals(Config.FILE_NAME) || name.equals(Baseline.FILE_NAME)) {
            if (!server.projects().reload(p).isEmpty()) server.revalidateAll();
        }
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return CompletableFuture.supplyAsync(() -> {
            TextDocument d = server.documents().get(params.getTextDocument().getUri());
            if (d == null || !wantsQuickFixes(params)) return List.<Either<Command, CodeAction>>of();
            ValidationResult r = server.validation().current(d);
            List<CodeAction> actions = server.codeActions().codeActions(r, params.getRange(),
                    params.getContext() == null ? List.of() : params.getContext().getDiagnostics());
            return actions.stream().map(Either::<Command, CodeAction>forRight).toList();
        }, server.workers());
    }

    /** A client that asks only for other kinds (e.g. {@code source.organizeImports} on save) gets none of ours. */
    private static boolean wantsQuickFixes(CodeActionParams params) {
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        if (only == null || only.isEmpty()) return true;
        return only.stream().anyMatch(k -> k.equals(CodeActionKind.QuickFix) || CodeActionKind.QuickFix.startsWith(k + ".") || k.isEmpty());
    }

    @Override
    public CompletableFuture<DocumentDiagnosticReport> diagnostic(DocumentDiagnosticParams params) {
        return CompletableFuture.supplyAsync(() -> {
            TextDocument d = server.documents().get(params.getTextDocument().getUri());
            if (d == null) return new DocumentDiagnosticReport(new RelatedFullDocumentDiagnosticReport(List.of()));
            ValidationResult r = server.validation().current(d);
            if (r.resultId().equals(params.getPreviousResultId())) {
                return new DocumentDiagnosticReport(new RelatedUnchangedDocumentDiagnosticReport(r.resultId()));
            }
            RelatedFullDocumentDiagnosticReport full = new RelatedFullDocumentDiagnosticReport(r.diagnostics());
            full.setResultId(r.resultId());
            return new DocumentDiagnosticReport(full);
        }, server.workers());
    }
}
