package dev.akguard.lsp;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;

/**
 * Null-safe questions about what the client declared in initialize (every level of the capability
 * tree is optional).
 */
final class ClientFeatures {
    private ClientFeatures() {}

    static boolean pullDiagnostics(ClientCapabilities c) {
        TextDocumentClientCapabilities t = c.getTextDocument();
        return t != null && t.getDiagnostic() != null;
    }

    static boolean documentChanges(ClientCapabilities c) {
        WorkspaceClientCapabilities w = c.getWorkspace();
        return w != null
                && w.getWorkspaceEdit() != null
                && Boolean.TRUE.equals(w.getWorkspaceEdit().getDocumentChanges());
    }

    static boolean dynamicWatchers(ClientCapabilities c) {
        WorkspaceClientCapabilities w = c.getWorkspace();
        return w != null
                && w.getDidChangeWatchedFiles() != null
                && Boolean.TRUE.equals(w.getDidChangeWatchedFiles().getDynamicRegistration());
    }

    static boolean configuration(ClientCapabilities c) {
        WorkspaceClientCapabilities w = c.getWorkspace();
        return w != null && Boolean.TRUE.equals(w.getConfiguration());
    }

    static boolean diagnosticRefresh(ClientCapabilities c) {
        WorkspaceClientCapabilities w = c.getWorkspace();
        return w != null
                && w.getDiagnostics() != null
                && Boolean.TRUE.equals(w.getDiagnostics().getRefreshSupport());
    }

    static boolean showDocument(ClientCapabilities c) {
        WindowClientCapabilities w = c.getWindow();
        return w != null && w.getShowDocument() != null && w.getShowDocument().isSupport();
    }
}
