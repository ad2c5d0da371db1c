package dev.akguard.cli.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.testkit.corpus.FakeKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** `akguard lsp --stdio` as editors start it: a real process speaking LSP on stdin/stdout. */
@Timeout(90)
class LspCommandTest {
    @TempDir Path root;

    @Test
    void akguardLspServesTheProtocolOnStdio() throws Exception {
        String cp =
                System.getProperty(
                        "surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p =
                new ProcessBuilder(
                                java,
                                "-XX:TieredStopAtLevel=1",
                                "-cp",
                                cp,
                                "dev.akguard.cli.Main",
                                "lsp",
                                "--stdio")
                        .redirectError(root.resolve("stderr.txt").toFile())
                        .start();
        try {
            LinkedBlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
            LanguageClient client =
                    new LanguageClient() {
                        @Override
                        public void telemetryEvent(Object o) {}

                        @Override
                        public void publishDiagnostics(PublishDiagnosticsParams d) {
                            published.add(d);
                        }

                        @Override
                        public void showMessage(MessageParams m) {}

                        @Override
                        public CompletableFuture<MessageActionItem> showMessageRequest(
                                ShowMessageRequestParams r) {
                            return CompletableFuture.completedFuture(null);
                        }

                        @Override
                        public void logMessage(MessageParams m) {}
                    };
            Launcher<LanguageServer> l =
                    LSPLauncher.createClientLauncher(
                            client, p.getInputStream(), p.getOutputStream());
            l.startListening();
            LanguageServer server = l.getRemoteProxy();
            InitializeParams init = new InitializeParams();
            init.setCapabilities(new ClientCapabilities());
            init.setProcessId((int) ProcessHandle.current().pid());
            init.setWorkspaceFolders(List.of(new WorkspaceFolder(root.toUri().toString(), "root")));
            InitializeResult r = server.initialize(init).get(60, TimeUnit.SECONDS);
            assertEquals("akguard", r.getServerInfo().getName());
            server.initialized(new InitializedParams());

            Random rnd = new Random(5);
            String text =
                    "ak = \""
                            + FakeKeys.accessKeyId(rnd)
                            + "\"\nsecret = \""
                            + FakeKeys.secret(rnd)
                            + "\"\n";
            String uri = root.resolve("conf.py").toUri().toString();
            Files.writeString(root.resolve("conf.py"), text);
            server.getTextDocumentService()
                    .didOpen(
                            new DidOpenTextDocumentParams(
                                    new TextDocumentItem(uri, "python", 1, text)));
            PublishDiagnosticsParams d = published.poll(60, TimeUnit.SECONDS);
            assertNotNull(d, "diagnostics from `akguard lsp`");
            assertEquals(2, d.getDiagnostics().size());
            assertEquals("alibaba-access-key-pair", d.getDiagnostics().get(0).getCode().getLeft());

            server.shutdown().get(30, TimeUnit.SECONDS);
            server.exit();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), "exit after shutdown is a clean exit");
        } finally {
            p.destroyForcibly();
        }
    }
}
