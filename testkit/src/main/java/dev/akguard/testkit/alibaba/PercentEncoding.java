package dev.akguard.testkit.alibaba;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Alibaba Cloud's percentEncode (RFC 3986 unreserved characters kept) and query-string parsing. */
public final class PercentEncoding {
    private PercentEncoding() {}

    /**
     * URL-encode as UTF-8, then `+` to `%20`, `*` to `%2A`, `%7E` to `~`, as both signature
     * versions require.
     */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    /**
     * Parses `a=1&b=2` (query string or form body); later duplicates win; a key without `=` maps to
     * "".
     */
    static Map<String, String> parse(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String part : raw.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            out.put(decode(k), decode(v));
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
