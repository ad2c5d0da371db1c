package dev.akguard.lsp.bench;

import com.google.gson.JsonParser;
import dev.akguard.core.Engine;
import dev.akguard.lsp.AkguardLanguageServer;
import dev.akguard.lsp.ServerOptions;
import dev.akguard.lsp.support.RecordingClient;
import dev.akguard.lsp.support.ServerHarness;
import dev.akguard.testkit.corpus.FakeKeys;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;

/**
 * Time from didChange to publishDiagnostics for a 1 MB document, with the debounce set to 0 so only
 * the server's own work is measured (splicing the edit in, scheduling, scanning, building
 * diagnostics, publishing), and heap after GC before and after 1,000 edits.
 *
 * <p>Run: {@code mvn -o -q -pl lsp-server -am -Pbench process-test-classes} (see docs/lsp.md), or
 * {@code java -cp <test classpath> dev.akguard.lsp.bench.DidChangeBench [edits] [sizeBytes]}.
 */
public final class DidChangeBench {
    private DidChangeBench() {}

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 1 << 20;
        Random r = new Random(1);
        String text = document(r, size);

        Timing client = new Timing();
        AkguardLanguageServer server =
                new AkguardLanguageServer(
                        new ServerOptions(
                                new PrintStream(OutputStream.nullOutputStream()),
                                code -> {},
                                60_000,
                                Math.max(
                                        1,
                                        Math.min(4, Runtime.getRuntime().availableProcessors()))));
        server.connect(client);
        InitializeParams init = new InitializeParams();
        init.setCapabilities(ServerHarness.pushCapabilities());
        init.setInitializationOptions(JsonParser.parseString("{\"akguard\":{\"debounceMs\":0}}"));
        server.initialize(init).get();
        String uri = "file:///bench/Big.java";
        server.getTextDocumentService()
                .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "java", 1, text)));
        int findings = client.await(uri, 1).getDiagnostics().size();

        int version = 1;
        int lines = (int) text.lines().count();
        // warm-up: JIT the scan and edit paths
        for (int i = 0; i < 300; i++) version = edit(server, client, uri, ++version, r, lines);
        long heapBefore = usedHeapAfterGc();
        long[] ns = new long[edits];
        for (int i = 0; i < edits; i++) {
            long t0 = System.nanoTime();
            version = edit(server, client, uri, ++version, r, lines);
            ns[i] = client.lastArrival - t0;
        }
        long heapAfter = usedHeapAfterGc();

        Engine engine = Engine.defaults();
        long[] scan = new long[300];
        for (int i = 0; i < scan.length; i++) {
            long t0 = System.nanoTime();
            engine.scan(text, "Big.java");
            scan[i] = System.nanoTime() - t0;
        }
        Arrays.sort(ns);
        Arrays.sort(scan);
        System.out.printf(
                Locale.ROOT,
                "document: %,d chars, %,d lines, %d diagnostics; %d measured edits (after 300 warm-up), debounce 0%n",
                text.length(),
                lines,
                findings,
                edits);
        System.out.printf(
                Locale.ROOT,
                "didChange -> publishDiagnostics: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                ms(ns[ns.length / 2]),
                ms(ns[ns.length * 9 / 10]),
                ms(ns[ns.length * 99 / 100]),
                ms(ns[ns.length - 1]));
        System.out.printf(
                Locale.ROOT,
                "engine scan alone (1 MB): median %.2f ms%n",
                ms(scan[scan.length / 2]));
        System.out.printf(
                Locale.ROOT,
                "heap after GC: %.1f MB before the %d edits, %.1f MB after (%+.1f MB)%n",
                heapBefore / 1e6,
                edits,
                heapAfter / 1e6,
                (heapAfter - heapBefore) / 1e6);
        server.shutdown().get();
        System.exit(0);
    }

    /** Types one character at a random place (or deletes it again): the common keystroke. */
    private static int edit(
            AkguardLanguageServer server,
            Timing client,
            String uri,
            int version,
            Random r,
            int lines) {
        Position p = new Position(r.nextInt(lines), 0);
        TextDocumentContentChangeEvent e =
                new TextDocumentContentChangeEvent(new Range(p, p), version % 2 == 0 ? " " : "");
        if (version % 2 == 1)
            e = new TextDocumentContentChangeEvent(new Range(p, new Position(p.getLine(), 1)), "");
        server.getTextDocumentService()
                .didChange(
                        new DidChangeTextDocumentParams(
                                new VersionedTextDocumentIdentifier(uri, version), List.of(e)));
        client.await(uri, version);
        return version;
    }

    private static double ms(long ns) {
        return ns / 1e6;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        MemoryMXBean m = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return m.getHeapMemoryUsage().getUsed();
    }

    /**
     * Code-like lines with a few fake credentials in it (pairs and lone IDs), about {@code size}
     * chars.
     */
    static String document(Random r, int size) {
        StringBuilder sb = new StringBuilder(size + 200);
        sb.append("package bench;\n\nclass Big {\n");
        int i = 0;
        while (sb.length() < size) {
            if (i % 5000 == 2500) {
                sb.append("    String accessKeyId")
                        .append(i)
                        .append(" = \"")
                        .append(FakeKeys.accessKeyId(r))
                        .append("\";\n");
                sb.append("    String accessKeySecret")
                        .append(i)
                        .append(" = \"")
                        .append(FakeKeys.secret(r))
                        .append("\";\n");
            } else if (i % 7000 == 3500) {
                sb.append("    String id")
                        .append(i)
                        .append(" = \"")
                        .append(FakeKeys.accessKeyId(r))
                        .append("\";\n");
            } else {
                sb.append("    int value")
                        .append(i)
                        .append(" = compute(")
                        .append(r.nextInt(100000))
                        .append(", \"label-")
                        .append(i)
                        .append("\");\n");
            }
            i++;
        }
        return sb.append("}\n").toString();
    }

    /** Records when each version's diagnostics arrive. */
    static final class Timing extends RecordingClient {
        volatile long lastArrival;
        private volatile int lastVersion;

        @Override
        public void publishDiagnostics(PublishDiagnosticsParams p) {
            lastArrival = System.nanoTime();
            last = p;
            synchronized (this) {
                lastVersion = p.getVersion() == null ? -1 : p.getVersion();
                notifyAll();
            }
        }

        PublishDiagnosticsParams await(String uri, int version) {
            long deadline = System.currentTimeMillis() + 30_000;
            synchronized (this) {
                while (lastVersion != version) {
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0)
                        throw new IllegalStateException("no diagnostics for version " + version);
                    try {
                        wait(left);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return last;
        }

        private volatile PublishDiagnosticsParams last;
    }
}
