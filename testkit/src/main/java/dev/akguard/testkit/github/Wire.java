package dev.akguard.testkit.github;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Request parsing and content helpers shared by the GitHub emulator's APIs. */
final class Wire {
    private Wire() {}

    static String token(HttpExchange ex) {
        String auth = firstHeader(ex, "Authorization");
        if (auth == null) return null;
        String lower = auth.toLowerCase(Locale.ROOT);
        if (lower.startsWith("bearer ")) return auth.substring(7).trim();
        if (lower.startsWith("token ")) return auth.substring(6).trim();
        return null;
    }

    static String firstHeader(HttpExchange ex, String name) {
        return ex.getRequestHeaders().getFirst(name);
    }

    static Map<String, List<String>> lowerHeaders(HttpExchange ex) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        ex.getRequestHeaders()
                .forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return out;
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k =
                    URLDecoder.decode(
                            eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v =
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    static int intParam(Map<String, String> params, String name, int dflt) {
        try {
            return params.containsKey(name) ? Integer.parseInt(params.get(name)) : dflt;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    static boolean isBinary(byte[] b) {
        if (b == null) return false;
        for (int i = 0; i < Math.min(b.length, 8000); i++) if (b[i] == 0) return true;
        return false;
    }

    static String text(byte[] b) {
        return b == null ? "" : new String(b, StandardCharsets.UTF_8);
    }

    static String blobSha(byte[] content) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(md.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
