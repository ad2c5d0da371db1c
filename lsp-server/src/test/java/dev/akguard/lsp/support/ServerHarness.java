package dev.akguard.lsp.support;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.akguard.lsp.AkguardLanguageServer;
import dev.akguard.lsp.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Drives a server as an editor would, against any LanguageServer (in-process or a remote proxy).
 */
public final class ServerHarness implements AutoCloseable {
    public final LanguageServer server;
    public final RecordingClient client;
    public final Path root;

    /** Exit statuses the in-process server asked for (instead of calling System.exit). */
    public final List<Integer> exitCodes;

    public final ByteArrayOutputStream stderr;
    public InitializeResult initializeResult;

    /** An in-process server connected directly to a recording client. */
    public static ServerHarness inProcess(Path root) {
        RecordingClient client = new RecordingClient();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Integer> exits = new CopyOnWriteArrayList<>();
        AkguardLanguageServer s =
                new AkguardLanguageServer(
                        new ServerOptions(
                                new PrintStream(err, true, StandardCharsets.UTF_8),
                                exits::add,
                                100,
                                2));
        s.connect(client);
        return new ServerHarness(s, client, root, exits, err);
    }

    private ServerHarness(
            LanguageServer server,
            RecordingClient client,
            Path root,
            List<Integer> exits,
            ByteArrayOutputStream err) {
        this.server = server;
        this.client = client;
        this.root = root;
        this.exitCodes = exits;
        this.stderr = err;
    }

    public static ServerHarness remote(LanguageServer proxy, RecordingClient client, Path root) {
        return new ServerHarness(
                proxy, client, root, new CopyOnWriteArrayList<>(), new ByteArrayOutputStream());
    }

    public String stderrText() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    public static ClientCapabilities pushCapabilities() {
        return caps(
                "{\"workspace\":{\"workspaceEdit\":{\"documentChanges\":true},\"configuration\":true,"
                        + "\"didChangeWatchedFiles\":{\"dynamicRegistration\":true}},"
                        + "\"window\":{\"showDocument\":{\"support\":true}},"
                        + "\"textDocument\":{\"publishDiagnostics\":{\"relatedInformation\":true,\"versionSupport\":true}}}");
    }

    public static ClientCapabilities pullCapabilities() {
        return caps(
                "{\"workspace\":{\"diagnostics\":{\"refreshSupport\":true}},"
                        + "\"textDocument\":{\"diagnostic\":{\"dynamicRegistration\":false}}}");
    }

    public static ClientCapabilities caps(String json) {
        return new com.google.gson.Gson().fromJson(json, ClientCapabilities.class);
    }

    public ServerHarness initialize(ClientCapabilities caps, String initOptionsJson)
            throws Exception {
        InitializeParams p = new InitializeParams();
        p.setCapabilities(caps);
        p.setProcessId((int) ProcessHandle.current().pid());
        if (root != null)
            p.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "root")));
        if (initOptionsJson != null) p.setInitializationOptions(json(initOptionsJson));
        initializeResult = server.initialize(p).get(15, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return this;
    }

    public static JsonElement json(String s) {
        return JsonParser.parseString(s);
    }

    public String uri(String relative) {
        return root.resolve(relative).toUri().toString();
    }

    public String open(String relative, String languageId, String text) {
        String uri = uri(relative);
        server.getTextDocumentService()
                .didOpen(
                        new DidOpenTextDocumentParams(
                                new TextDocumentItem(uri, languageId, 1, text)));
        return uri;
    }

    public void change(String uri, int version, Range range, String text) {
        TextDocumentContentChangeEvent e = new TextDocumentContentChangeEvent(range, text);
        server.getTextDocumentService()
                .didChange(
                        new DidChangeTextDocumentParams(
                                new VersionedTextDocumentIdentifier(uri, version), List.of(e)));
    }

    public void replaceAll(String uri, int version, String text) {
        server.getTextDocumentService()
                .didChange(
                        new DidChangeTextDocumentParams(
                                new VersionedTextDocumentIdentifier(uri, version),
                                List.of(new TextDocumentContentChangeEvent(text))));
    }

    public void close(String uri) {
        server.getTextDocumentService()
                .didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
    }

    public List<CodeAction> codeActions(String uri, Range range) throws Exception {
        CodeActionParams p =
                new CodeActionParams(
                        new TextDocumentIdentifier(uri), range, new CodeActionContext(List.of()));
        List<Either<Command, CodeAction>> r =
                server.getTextDocumentService().codeAction(p).get(15, TimeUnit.SECONDS);
        return r.stream().map(Either::getRight).toList();
    }

    public static Range range(int l1, int c1, int l2, int c2) {
        return new Range(new Position(l1, c1), new Position(l2, c2));
    }

    @Override
    public void close() {
        try {
            server.shutdown().get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception ignored) {
            // a test that already shut the server down, or a connection already closed
        }
    }
}
