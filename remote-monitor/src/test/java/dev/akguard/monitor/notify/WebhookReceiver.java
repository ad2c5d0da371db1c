package dev.akguard.monitor.notify;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A loopback HTTP server that records every request and answers with queued (status, body) replies. */
public final class WebhookReceiver implements AutoCloseable {
    public record Request(String method, String path, String query, Map<String, String> headers, byte[] body) {
        public String header(String name) { return headers.get(name.toLowerCase(java.util.Locale.ROOT)); }

        public String bodyText() { return new String(body, StandardCharsets.UTF_8); }
    }

    private record Reply(int status, String body) { }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Reply> replies = new ArrayDeque<>();

    public WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            Reply reply;
            synchronized (this) {
                requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestURI().getRawQuery(), headers, body));
                reply = replies.isEmpty() ? new Reply(200, "ok") : replies.removeFirst();
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
    }

    /** The next request gets this reply (then the default 200 "ok" again). */
    public synchronized WebhookReceiver thenReply(int status, String body) {
        replies.addLast(new Reply(status, body));
        return this;
    }

    public String url(String path) { return "http://127.0.0.1:" + server.getAddress().getPort() + path; }

    public synchronized List<Request> requests() { return List.copyOf(requests); }

    @Override
    public void close() { server.stop(0); }
}
