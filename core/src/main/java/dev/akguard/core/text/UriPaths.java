package dev.akguard.core.text;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding for the paths of URLs we build from untrusted names (GitHub links, SARIF {@code
 * uri}). Each segment keeps only RFC 3986 unreserved characters and the sub-delimiters that are
 * safe in a path (not quotes or parentheses, which end Markdown links); everything else, {@code :}
 * included (a first segment {@code prod:app.yml} must not read as a scheme), is %-encoded as UTF-8.
 */
public final class UriPaths {
    private UriPaths() {}

    /** One path segment: {@code /} is encoded too. */
    public static String segment(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        encode(s, b, false);
        return b.toString();
    }

    /** A {@code /}-separated relative path: each segment encoded, the separators kept. */
    public static String path(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        encode(s, b, true);
        return b.toString();
    }

    private static void encode(String s, StringBuilder b, boolean keepSlash) {
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (isUnreserved(c) || (keepSlash && c == '/')) b.append((char) c);
            else b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '!'
                || c == '$'
                || c == '&'
                || c == '+'
                || c == ','
                || c == ';'
                || c == '='
                || c == '@';
    }
}
