package dev.akguard.cli.git.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the hook client (a few lines of Perl in bin/akguard) and the hook server say to each other
 * over the Unix socket. Fields are NUL-terminated (no path, argument or environment entry can hold
 * a NUL); byte payloads are preceded by their length.
 *
 * <pre>
 * request:  "akguard-hook 1" NUL kind NUL            kind: check | status | stop
 *           (check only) cwd NUL argc NUL arg NUL... envc NUL name=value NUL... stdinLength NUL stdin
 * response: "akguard-hook 1" NUL exitCode NUL chunkCount NUL (stream NUL length NUL bytes)...
 *           stream: 1 standard output, 2 standard error, in the order the check wrote them
 * </pre>
 *
 * The client closes its sending side after the request; the server closes after the response. Every
 * count and length is bounded, so a confused or hostile peer cannot make the server allocate
 * without limit.
 */
public final class HookWire {
    static final String MAGIC = "akguard-hook 1";
    static final int MAX_FIELD = 1 << 20;
    static final int MAX_ARGS = 10_000;
    static final int MAX_ENV = 10_000;
    static final int MAX_STDIN = 64 << 20;
    static final int MAX_CHUNKS = 1_000_000;

    private HookWire() {}

    /** A malformed or oversized message. */
    public static final class WireException extends IOException {
        WireException(String message) {
            super(message);
        }
    }

    /** What a client asks. */
    public record Request(
            String kind, Path cwd, List<String> args, Map<String, String> env, byte[] stdin) {
        public static Request status() {
            return new Request("status", null, List.of(), Map.of(), new byte[0]);
        }

        public static Request stop() {
            return new Request("stop", null, List.of(), Map.of(), new byte[0]);
        }
    }

    /** One piece of output: {@code stream} 1 is standard output, 2 standard error. */
    public record Chunk(int stream, byte[] bytes) {}

    /**
     * What the server answers: the exit code and everything the check printed, in the order it
     * printed it (a terminal showing both streams sees them as a run in its own JVM shows them).
     */
    public record Response(int exitCode, List<Chunk> chunks) {
        public String outText() {
            return text(1);
        }

        public String errText() {
            return text(2);
        }

        private String text(int stream) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (Chunk c : chunks) if (c.stream() == stream) b.writeBytes(c.bytes());
            return b.toString(StandardCharsets.UTF_8);
        }
    }

    public static byte[] encode(Request r) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        field(b, MAGIC);
        field(b, r.kind());
        if ("check".equals(r.kind())) {
            field(b, r.cwd().toString());
            field(b, Integer.toString(r.args().size()));
            for (String a : r.args()) field(b, a);
            field(b, Integer.toString(r.env().size()));
            for (Map.Entry<String, String> e : r.env().entrySet())
                field(b, e.getKey() + "=" + e.getValue());
            field(b, Integer.toString(r.stdin().length));
            b.writeBytes(r.stdin());
        }
        return b.toByteArray();
    }

    public static Request decodeRequest(byte[] message) throws WireException {
        Reader in = new Reader(message);
        if (!MAGIC.equals(in.field())) throw new WireException("not an akguard hook request");
        String kind = in.field();
        switch (kind) {
            case "status", "stop" -> {
                in.end();
                return new Request(kind, null, List.of(), Map.of(), new byte[0]);
            }
            case "check" -> {
                String cwd = in.field();
                if (!cwd.startsWith("/")) throw new WireException("cwd is not absolute: " + cwd);
                int argc = in.count(MAX_ARGS);
                List<String> args = new ArrayList<>(argc);
                for (int i = 0; i < argc; i++) args.add(in.field());
                int envc = in.count(MAX_ENV);
                Map<String, String> env = new LinkedHashMap<>();
                for (int i = 0; i < envc; i++) {
                    String entry = in.field();
                    int eq = entry.indexOf('=');
                    if (eq <= 0) throw new WireException("malformed environment entry");
                    env.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
                byte[] stdin = in.bytes(in.count(MAX_STDIN));
                in.end();
                return new Request(kind, Path.of(cwd), List.copyOf(args), env, stdin);
            }
            default -> throw new WireException("unknown request kind");
        }
    }

    public static byte[] encode(Response r) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        field(b, MAGIC);
        field(b, Integer.toString(r.exitCode()));
        field(b, Integer.toString(r.chunks().size()));
        for (Chunk c : r.chunks()) {
            field(b, Integer.toString(c.stream()));
            field(b, Integer.toString(c.bytes().length));
            b.writeBytes(c.bytes());
        }
        return b.toByteArray();
    }

    public static Response decodeResponse(byte[] message) throws WireException {
        Reader in = new Reader(message);
        if (!MAGIC.equals(in.field())) throw new WireException("not an akguard hook response");
        int code = in.count(255);
        int n = in.count(MAX_CHUNKS);
        List<Chunk> chunks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int stream = in.count(2);
            if (stream < 1) throw new WireException("no such stream: " + stream);
            chunks.add(new Chunk(stream, in.bytes(in.count(Integer.MAX_VALUE - 8))));
        }
        in.end();
        return new Response(code, List.copyOf(chunks));
    }

    private static void field(ByteArrayOutputStream b, String s) {
        b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        b.write(0);
    }

    private static final class Reader {
        private final byte[] m;
        private int pos;

        Reader(byte[] m) {
            this.m = m;
        }

        String field() throws WireException {
            int end = pos;
            while (end < m.length && m[end] != 0) {
                if (end - pos >= MAX_FIELD) throw new WireException("field too long");
                end++;
            }
            if (end >= m.length) throw new WireException("message ends inside a field");
            String s = new String(m, pos, end - pos, StandardCharsets.UTF_8);
            pos = end + 1;
            return s;
        }

        int count(int max) throws WireException {
            String f = field();
            if (f.isEmpty() || f.length() > 10 || !f.chars().allMatch(c -> c >= '0' && c <= '9'))
                throw new WireException("not a count: " + f);
            long n = Long.parseLong(f);
            if (n > max) throw new WireException("count " + n + " over the limit of " + max);
            return (int) n;
        }

        byte[] bytes(int n) throws WireException {
            if (m.length - pos < n) throw new WireException("message shorter than announced");
            byte[] out = java.util.Arrays.copyOfRange(m, pos, pos + n);
            pos += n;
            return out;
        }

        void end() throws WireException {
            if (pos != m.length) throw new WireException("trailing bytes after the message");
        }
    }
}
