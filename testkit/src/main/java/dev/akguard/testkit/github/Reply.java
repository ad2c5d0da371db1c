package dev.akguard.testkit.github;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer of the GitHub emulator: status, body, headers, and an ETag when the resource is
 * cacheable.
 */
final class Reply {
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    final int status;
    final byte[] body;
    final Map<String, String> headers;
    final String contentType;
    String etag;

    Reply(int status, byte[] body, Map<String, String> headers, String contentType) {
        this.status = status;
        this.body = body;
        this.headers = headers;
        this.contentType = contentType;
    }

    Reply withEtag() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(body);
            etag = "W/\"" + HexFormat.of().formatHex(d, 0, 16) + "\"";
            headers.put("ETag", etag);
            return this;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Reply json(int status, JsonElement body) {
        return new Reply(
                status,
                GSON.toJson(body).getBytes(StandardCharsets.UTF_8),
                new LinkedHashMap<>(),
                "application/json; charset=utf-8");
    }

    static JsonObject error(String message) {
        JsonObject o = new JsonObject();
        o.addProperty("message", message);
        o.addProperty("documentation_url", "https://docs.github.com/rest");
        return o;
    }

    static void send(HttpExchange ex, Reply reply) throws IOException {
        reply.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (reply.contentType != null)
            ex.getResponseHeaders().set("Content-Type", reply.contentType);
        if (reply.status == 304 || reply.body.length == 0) {
            ex.sendResponseHeaders(reply.status, -1);
            return;
        }
        ex.sendResponseHeaders(reply.status, reply.body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(reply.body);
        }
    }
}
