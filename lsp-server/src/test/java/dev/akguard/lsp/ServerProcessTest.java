package dev.akguard.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.akguard.lsp.launch.StdioLauncher;
import dev.akguard.lsp.support.FrameRecorder;
import dev.akguard.lsp.support.JavaProcess;
import dev.akguard.lsp.support.Keys;
import dev.akguard.lsp.support.NoisyMain;
import dev.akguard.lsp.support.RecordingClient;
import dev.akguard.lsp.support.ServerHarness;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as a real process on stdio: framing on stdout only, clean exit, and exit when the
 * editor dies.
 */
@Timeout(90)
class ServerProcessTest {
    @TempDir Path root;
    final Keys k = new Keys(33);

    @Test
    void stdoutCarriesOnlyTheProtocolEvenWhenSomethingPrints() throws Exception {
        File err = root.resolve("stderr.txt").toFile();
        Process p = JavaProcess.start(err, NoisyMain.class.getName());
        try {
            FrameRecorder out = new FrameRecorder(p.getInputStream());
            RecordingClient client = new RecordingClient();
            Launcher<LanguageServer> l =
                    LSPLauncher.createClientLauncher(client, out, p.getOutputStream());
            l.startListening();
            ServerHarness h = ServerHarness.remote(l.getRemoteProxy(), client, root);
            h.initialize(ServerHarness.pushCapabilities(), "{\"debounceMs\":0}");
            long until = System.currentTimeMillis() + 20_000; // the noisy thread prints meanwhile
            while (!Files.readString(err.toPath()).contains(NoisyMain.NOISE)
                    && System.currentTimeMillis() < until) Thread.sleep(20);
            String uri =
                    h.open(
                            "App.java",
                            "java",
                            "class App { String id = \""
                                    + k.id
                                    + "\"; String accessKeySecret = \""
                                    + k.secret
                                    + "\"; }\n");
            PublishDiagnosticsParams d = client.awaitVersion(uri, 1);
            assertEquals(2, d.getDiagnostics().size());
            h.server.shutdown().get(30, TimeUnit.SECONDS);
            h.server.exit();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the server exits after shutdown + exit");
            assertEquals(0, p.exitValue());
            assertTrue(
                    out.checkFrames() >= 3, "initialize response, diagnostics, shutdown response");
            String stderr = Files.readString(err.toPath());
            assertTrue(
                    stderr.contains(NoisyMain.NOISE), "stray prints end up on stderr: " + stderr);
            assertTrue(stderr.contains("language server"), "the server logs to stderr");
            assertTrue(!stderr.contains(k.secret), "the secret never appears in logs");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void exitsWhenTheEditorProcessDies() throws Exception {
        Process editor = new ProcessBuilder("sleep", "60").start();
        File err = root.resolve("stderr.txt").toFile();
        Process p = JavaProcess.start(err, StdioLauncher.class.getName());
        try {
            RecordingClient client = new RecordingClient();
            Launcher<LanguageServer> l =
                    LSPLauncher.createClientLauncher(
                            client, p.getInputStream(), p.getOutputStream());
            l.startListening();
            InitializeParams params = new InitializeParams();
            params.setProcessId((int) editor.pid());
            params.setCapabilities(ServerHarness.pushCapabilities());
            l.getRemoteProxy().initialize(params).get(30, TimeUnit.SECONDS);
            l.getRemoteProxy().initialized(new InitializedParams());
            assertTrue(p.isAlive());
            editor.destroy();
            editor.waitFor(10, TimeUnit.SECONDS);
            // the pipes stay open (this test process is alive): only the parent check can end the
            // server
            assertTrue(
                    p.waitFor(20, TimeUnit.SECONDS), "server still running after its editor died");
            assertEquals(1, p.exitValue());
            assertTrue(Files.readString(err.toPath()).contains("has exited"));
        } finally {
            p.destroyForcibly();
            editor.destroyForcibly();
        }
    }
}
