package dev.akguard.cli.monitor;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A loopback webhook receiver that keeps each request and checks akguard's HMAC signature the way a receiver should. */
final class LoopbackWebhook implements AutoCloseable {
    record Request(String timestamp, String signature, String deliveryId, String body) { }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();

    LoopbackWebhook() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            synchronized (this) {
                requests.add(new Request(ex.getRequestHeaders().getFirst("X-Akguard-Timestamp"), ex.getRequestHeaders().getFirst("X-Akguard-Signature"),
                        ex.getRequestHeaders().getFirst("X-Akguard-Delivery"), new String(body, StandardCharsets.UTF_8)));
            }
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
    }

    String url() { return "http://127.0.0.1:" + server.getAddress().getPort() + "/akguard"; }

    synchronized List<Request> requests() { return List.copyOf(requests); }

    /** Recomputes HMAC-SHA256(secret, timestamp + "." + body) and compares in constant time. */
    static boolean signatureValid(Request r, String secret) throws Exception {
        if (r.timestamp() == null || r.signature() == null || !r.signature().startsWith("sha256=")) return false;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(r.signature().substring("sha256=".length())));
    }

    @Override
    public void close() { server.stop(0); }
}
