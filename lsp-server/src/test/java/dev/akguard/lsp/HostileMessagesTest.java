package dev.akguard.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.akguard.lsp.launch.StdioLauncher;
import dev.akguard.lsp.support.Keys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed notifications over raw JSON-RPC: no handler exception may reach lsp4j (which would log
 * the whole message, document text and keys included), the server keeps working, and unsupported
 * requests are MethodNotFound.
 */
@Timeout(60)
class HostileMessagesTest {
    @TempDir Path root;
    final Keys k = new Keys(33);
    final StringBuilder jul = new StringBuilder();
    final ByteArrayOutputStream serverErr = new ByteArrayOutputStream();
    final LinkedBlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    final Handler capture =
            new Handler() {
                @Override
                public void publish(LogRecord r) {
                    synchronized (jul) {
                        jul.append(r.getMessage()).append('\n');
                        if (r.getThrown() != null) jul.append(r.getThrown()).append('\n');
                    }
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
    StdioLauncher.Running running;
    OutputStream toServer;

    @AfterEach
    void stop() {
        Logger.getLogger("").removeHandler(capture);
        if (running != null) running.listening().cancel(true);
    }

    private void send(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        toServer.write(
                ("Content-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        toServer.write(body);
        toServer.flush();
    }

    private JsonObject await(Predicate<JsonObject> p) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject m = received.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && p.test(m)) return m;
        }
        return null;
    }

    private static void readFrames(InputStream in, LinkedBlockingQueue<JsonObject> out) {
        try {
            while (true) {
                int length = -1;
                StringBuilder line = new StringBuilder();
                while (true) {
                    int c = in.read();
                    if (c < 0) return;
                    if (c == '\n') {
                        String l = line.toString().trim();
                        line.setLength(0);
                        if (l.isEmpty()) break;
                        if (l.toLowerCase().startsWith("content-length:"))
                            length = Integer.parseInt(l.substring(15).trim());
                    } else {
                        line.append((char) c);
                    }
                }
                out.add(
                        JsonParser.parseString(
                                        new String(in.readNBytes(length), StandardCharsets.UTF_8))
                                .getAsJsonObject());
            }
        } catch (IOException e) {
            // connection closed
        }
    }

    @Test
    void malformedChangesAreIgnoredWithoutLoggingTheirContent() throws Exception {
        Logger.getLogger("").addHandler(capture);
        PipedInputStream serverIn = new PipedInputStream(1 << 20),
                clientIn = new PipedInputStream(1 << 20);
        toServer = new PipedOutputStream(serverIn);
        PipedOutputStream toClient = new PipedOutputStream(clientIn);
        running =
                StdioLauncher.start(
                        serverIn,
                        toClient,
                        new ServerOptions(
                                new PrintStream(serverErr, true, StandardCharsets.UTF_8),
                                x -> {},
                                0,
                                2));
        Thread reader = new Thread(() -> readFrames(clientIn, received));
        reader.setDaemon(true);
        reader.start();

        send(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":\""
                        + root.toUri()
                        + "\",\"capabilities\":{}}}");
        assertNotNull(
                await(m -> m.has("id") && m.get("id").getAsInt() == 1 && m.has("result")),
                "initialize answered");
        send("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        String uri = root.resolve("app.yml").toUri().toString();
        send(
                "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\""
                        + uri
                        + "\",\"languageId\":\"yaml\",\"version\":1,\"text\":\"access_key_id: "
                        + k.id
                        + "\\n\"}}}");

        // a change that pastes the secret, with a range missing "start"; then contentChanges: null
        send(
                "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\""
                        + uri
                        + "\",\"version\":2},\"contentChanges\":[{\"range\":{\"end\":{\"line\":1,\"character\":0}},\"text\":\"access_key_secret: "
                        + k.secret
                        + "\\n\"}]}}");
        send(
                "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\""
                        + uri
                        + "\",\"version\":3},\"contentChanges\":null}}");
        send("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":null}");
        send(
                "{\"jsonrpc\":\"2.0\",\"method\":\"workspace/didChangeWatchedFiles\",\"params\":{\"changes\":[null]}}");

        // hover is not ours: MethodNotFound
        send(
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\""
                        + uri
                        + "\"},\"position\":{\"line\":0,\"character\":3}}}");
        JsonObject hover = await(m -> m.has("id") && m.get("id").getAsInt() == 2);
        assertNotNull(hover);
        assertEquals(
                -32601, hover.getAsJsonObject("error").get("code").getAsInt(), hover.toString());

        // the server still works: a valid full-text change is validated
        send(
                "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\""
                        + uri
                        + "\",\"version\":4},\"contentChanges\":[{\"text\":\"access_key_id: "
                        + k.id
                        + "\\naccess_key_secret: "
                        + k.secret
                        + "\\n\"}]}}");
        JsonObject diags =
                await(
                        m ->
                                "textDocument/publishDiagnostics"
                                                .equals(
                                                        m.has("method")
                                                                ? m.get("method").getAsString()
                                                                : null)
                                        && m.getAsJsonObject("params").has("version")
                                        && m.getAsJsonObject("params").get("version").getAsInt()
                                                == 4);
        assertNotNull(diags, "diagnostics for version 4");
        assertEquals(
                "alibaba-access-key-pair",
                diags.getAsJsonObject("params")
                        .getAsJsonArray("diagnostics")
                        .get(0)
                        .getAsJsonObject()
                        .get("code")
                        .getAsString());

        String logs;
        synchronized (jul) {
            logs = jul + serverErr.toString(StandardCharsets.UTF_8);
        }
        for (JsonObject m : received)
            if (m.has("method") && m.get("method").getAsString().startsWith("window/"))
                logs += m + "\n";
        assertFalse(logs.contains(k.secret), "the secret reached a log: " + logs);
        assertFalse(logs.contains("Notification threw an exception"), logs);
        assertFalse(logs.contains("Internal error"), logs);
    }
}
