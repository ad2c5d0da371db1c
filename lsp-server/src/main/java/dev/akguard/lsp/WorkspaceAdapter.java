package dev.akguard.lsp;

import dev.akguard.core.suppress.Baseline;
import dev.akguard.core.suppress.Config;
import dev.akguard.lsp.commands.CommandService.CommandException;
import dev.akguard.lsp.commands.Commands;
import dev.akguard.lsp.document.Uris;
import dev.akguard.lsp.settings.ClientSettings;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ShowDocumentParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.WorkspaceService;

/** workspace/* messages: settings, watched config files, folders and commands. */
final class WorkspaceAdapter implements WorkspaceService {
    private final AkguardLanguageServer server;

    WorkspaceAdapter(AkguardLanguageServer server) {
        this.server = server;
    }

    /**
     * Clients either send the settings (push) or an empty notification meaning "ask me" (pull
     * model).
     */
    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        Notifications.guarded(
                server.log(),
                "workspace/didChangeConfiguration",
                () -> {
                    Object s = params == null ? null : params.getSettings();
                    if (ClientSettings.present(s)) server.applySettings(s);
                    else server.pullConfiguration();
                });
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        Notifications.guarded(
                server.log(), "workspace/didChangeWatchedFiles", () -> watchedFilesChanged(params));
    }

    private void watchedFilesChanged(DidChangeWatchedFilesParams params) {
        if (params == null || params.getChanges() == null) return;
        boolean reloaded = false;
        for (FileEvent e : params.getChanges()) {
            if (e == null) continue;
            Path p = Uris.toPath(e.getUri());
            if (p == null || p.getFileName() == null) continue;
            String name = p.getFileName().toString();
            if (!name.equals(Config.FILE_NAME) && !name.equals(Baseline.FILE_NAME)) continue;
            reloaded |= !server.projects().reload(p).isEmpty();
        }
        if (reloaded) {
            server.log().info("configuration or baseline changed: re-validating open documents");
            server.revalidateAll();
        }
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
        Notifications.guarded(
                server.log(),
                "workspace/didChangeWorkspaceFolders",
                () -> workspaceFoldersChanged(params));
    }

    private void workspaceFoldersChanged(DidChangeWorkspaceFoldersParams params) {
        if (params == null || params.getEvent() == null) return;
        for (WorkspaceFolder f : params.getEvent().getRemoved()) {
            Path p = Uris.toPath(f.getUri());
            if (p != null) server.projects().removeWorkspaceRoot(p);
        }
        for (WorkspaceFolder f : params.getEvent().getAdded()) {
            Path p = Uris.toPath(f.getUri());
            if (p != null) server.projects().addWorkspaceRoot(p);
        }
        server.revalidateAll();
    }

    @Override
    public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return switch (params.getCommand()) {
                            case Commands.ADD_TO_BASELINE -> {
                                Path file = server.commands().addToBaseline(params.getArguments());
                                server.log().info("added a finding to the baseline " + file);
                                LanguageClient c = server.client();
                                if (c != null)
                                    c.showMessage(
                                            new MessageParams(
                                                    MessageType.Info,
                                                    "akguard: accepted in "
                                                            + file.getFileName()
                                                            + " — commit that file so scans and hooks accept it too"));
                                yield "added to " + file;
                            }
                            case Commands.OPEN_RULE_DOC ->
                                    openDoc(server.commands().ruleDocUrl(params.getArguments()));
                            default ->
                                    throw new CommandException(
                                            "unknown command '"
                                                    + params.getCommand()
                                                    + "' (known: "
                                                    + Commands.ALL
                                                    + ")");
                        };
                    } catch (CommandException e) {
                        server.log().warn(params.getCommand() + ": " + e.getMessage());
                        throw new ResponseErrorException(
                                new ResponseError(
                                        ResponseErrorCode.InvalidParams, e.getMessage(), null));
                    }
                },
                server.workers());
    }

    private String openDoc(String url) {
        LanguageClient c = server.client();
        if (c == null) return url;
        if (ClientFeatures.showDocument(server.capabilities())) {
            ShowDocumentParams p = new ShowDocumentParams(url);
            p.setExternal(true);
            c.showDocument(p).exceptionally(e -> null);
        } else {
            c.showMessage(
                    new MessageParams(MessageType.Info, "akguard rule documentation: " + url));
        }
        return url;
    }
}
