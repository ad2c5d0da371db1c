package dev.akguard.lsp;

import static dev.akguard.lsp.support.ServerHarness.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.lsp.commands.Commands;
import dev.akguard.lsp.launch.StdioLauncher;
import dev.akguard.lsp.support.Edits;
import dev.akguard.lsp.support.Keys;
import dev.akguard.lsp.support.RecordingClient;
import dev.akguard.lsp.support.ServerHarness;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DocumentDiagnosticParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same flows over real JSON-RPC: both ends serialise through lsp4j's message layer across
 * pipes.
 */
@Timeout(60)
class JsonRpcPipeTest {
    @TempDir Path root;
    final Keys k = new Keys(21);
    final List<Integer> exits = new CopyOnWriteArrayList<>();
    StdioLauncher.Running running;
    ServerHarness h;

    ServerHarness connect() throws IOException {
        PipedInputStream serverIn = new PipedInputStream(1 << 20),
                clientIn = new PipedInputStream(1 << 20);
        PipedOutputStream toServer = new PipedOutputStream(serverIn),
                toClient = new PipedOutputStream(clientIn);
        ServerOptions opts =
                new ServerOptions(
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        exits::add,
                        200,
                        2);
        running = StdioLauncher.start(serverIn, toClient, opts);
        RecordingClient client = new RecordingClient();
        Launcher<LanguageServer> cl = LSPLauncher.createClientLauncher(client, clientIn, toServer);
        cl.startListening();
        return h = ServerHarness.remote(cl.getRemoteProxy(), client, root);
    }

    @AfterEach
    void stop() throws Exception {
        if (h != null) h.close();
        if (running != null) running.listening().cancel(true);
    }

    @Test
    void pushFlowOverJsonRpc() throws Exception {
        connect().initialize(ServerHarness.pushCapabilities(), "{\"akguard\":{\"debounceMs\":20}}");
        String text = "import os\nak = \"" + k.id + "\"\nsecret_key = \"" + k.secret + "\"\n";
        String uri = h.open("app.py", "python", text);
        PublishDiagnosticsParams p = h.client.awaitVersion(uri, 1);
        assertEquals(2, p.getDiagnostics().size());
        assertEquals("alibaba-access-key-pair", p.getDiagnostics().get(0).getCode().getLeft());

        // incremental edit over the wire: delete the secret line
        h.change(uri, 2, range(2, 0, 3, 0), "");
        assertEquals(
                "alibaba-access-key-id",
                h.client.awaitVersion(uri, 2).getDiagnostics().get(0).getCode().getLeft());
        h.change(uri, 3, range(2, 0, 2, 0), "secret_key = \"" + k.secret + "\"\n");
        Diagnostic d = h.client.awaitVersion(uri, 3).getDiagnostics().get(0);

        // code action: its data (the fingerprint) survives the round trip through JSON
        CodeAction fix = h.codeActions(uri, d.getRange()).get(0);
        assertEquals(2, fix.getDiagnostics().size());
        String fixed = Edits.apply(text, fix, uri);
        assertEquals(
                "import os\nak = os.environ[\"ALIBABA_CLOUD_ACCESS_KEY_ID\"]\nsecret_key = os.environ[\"ALIBABA_CLOUD_ACCESS_KEY_SECRET\"]\n",
                fixed);

        // config change over the wire
        int mark = h.client.published.size();
        h.server
                .getWorkspaceService()
                .didChangeConfiguration(
                        new DidChangeConfigurationParams(
                                ServerHarness.json(
                                        "{\"akguard\":{\"severity\":{\"alibaba-access-key-pair\":\"warning\"}}}")));
        assertEquals(
                org.eclipse.lsp4j.DiagnosticSeverity.Warning,
                h.client.await(uri, mark, x -> true).getDiagnostics().get(0).getSeverity());

        // baseline through executeCommand
        CodeAction baseline =
                h.codeActions(uri, d.getRange()).stream()
                        .filter(
                                a ->
                                        a.getCommand() != null
                                                && Commands.ADD_TO_BASELINE.equals(
                                                        a.getCommand().getCommand()))
                        .findFirst()
                        .orElseThrow();
        mark = h.client.published.size();
        h.server
                .getWorkspaceService()
                .executeCommand(
                        new ExecuteCommandParams(
                                baseline.getCommand().getCommand(),
                                baseline.getCommand().getArguments()))
                .get(15, TimeUnit.SECONDS);
        assertTrue(h.client.await(uri, mark, x -> true).getDiagnostics().isEmpty());
        assertTrue(
                Files.readString(root.resolve(".akguard-baseline.json"))
                        .contains("alibaba-access-key-pair:"));

        h.close(uri);
        assertTrue(
                h.client
                        .await(
                                uri,
                                h.client.published.size() - 1,
                                x -> x.getDiagnostics().isEmpty())
                        .getDiagnostics()
                        .isEmpty());
        h.server.shutdown().get(15, TimeUnit.SECONDS);
        h.server.exit();
        long deadline = System.currentTimeMillis() + 10_000;
        while (exits.isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(20);
        assertEquals(List.of(0), exits);
        h = null;
    }

    @Test
    void pullFlowOverJsonRpc() throws Exception {
        connect().initialize(ServerHarness.pullCapabilities(), null);
        String uri = h.open("App.java", "java", "class App { String a = \"" + k.id + "\"; }\n");
        var report =
                h.server
                        .getTextDocumentService()
                        .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(uri)))
                        .get(15, TimeUnit.SECONDS);
        assertEquals(1, report.getLeft().getItems().size());
        assertEquals(
                "alibaba-access-key-id", report.getLeft().getItems().get(0).getCode().getLeft());
        // a settings change asks the pull client to refresh instead of pushing
        h.server
                .getWorkspaceService()
                .didChangeConfiguration(
                        new DidChangeConfigurationParams(
                                ServerHarness.json(
                                        "{\"akguard\":{\"severity\":{\"alibaba-access-key-id\":\"off\"}}}")));
        long deadline = System.currentTimeMillis() + 10_000;
        while (h.client.refreshes.get() == 0 && System.currentTimeMillis() < deadline)
            Thread.sleep(20);
        assertTrue(h.client.refreshes.get() > 0, "workspace/diagnostic/refresh sent");
        var again =
                h.server
                        .getTextDocumentService()
                        .diagnostic(new DocumentDiagnosticParams(new TextDocumentIdentifier(uri)))
                        .get(15, TimeUnit.SECONDS);
        assertTrue(again.getLeft().getItems().isEmpty());
        assertFalse(
                h.client.published.stream().anyMatch(x -> true), "never pushed to a pull client");
    }
}
