package dev.akguard.core.detect;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Why a 30-character token is taken for an AccessKey secret: the name it is assigned to (in any of the
 * syntaxes keys travel in: code, YAML, properties, XML, JSON, escaped JSON, URL-encoded forms, CLI flags,
 * Chinese labels with full-width punctuation), or its place right after an AccessKey ID (constructor and
 * SDK arguments, CSV rows, {@code id:secret@host}).
 */
final class SecretContext {
    /**
     * How a value is labelled. WEAK names ("key", "password") say little on their own, so such a value pairs
     * only with an ID at most {@link #WEAK_LINES} lines away.
     */
    enum Label { NONE, SECRET, WEAK, TOKEN }

    static final int WEAK_LINES = 3;

    private static final int MAX_SEPARATOR = 24;
    private static final int MAX_KEY = 64;
    private static final byte[] MIYAO = "密钥".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MIYAO2 = "秘钥".getBytes(StandardCharsets.UTF_8);
    /** Full-width punctuation common in Chinese text: ： ＝ “ ” 　 ， （ */
    private static final byte[][] WIDE_SEPARATORS = {
        utf8("："), utf8("＝"), utf8("“"), utf8("”"), utf8("　"), utf8("，"), utf8("（"), utf8("「"), utf8("」")
    };

    private SecretContext() {}

    private static byte[] utf8(String s) { return s.getBytes(StandardCharsets.UTF_8); }

    /**
     * The label of the value starting at {@code start}, looking back no further than {@code floor}. Up to three
     * (separators, name) hops are taken on the same line, so wrappers and type annotations between the key
     * and the value don't hide it: {@code AccessKeySecret: tea.String("…")}, {@code ALIYUN_SK: string = "…"},
     * {@code secret = os.getenv("X", "…")}.
     */
    static Label labelOf(byte[] a, int start, int floor) {
        int limit = Math.max(floor, start - 128);
        int i = start;
        for (int hop = 0; hop < 3; hop++) {
            int afterSep = skipSeparatorsBackward(a, i, Math.max(limit, i - MAX_SEPARATOR));
            if (afterSep == i) return Label.NONE; // "secretXYZ…" glued together is not an assignment
            int keyEnd = afterSep;
            int k = keyEnd;
            int keyFloor = Math.max(limit, keyEnd - MAX_KEY);
            while (k > keyFloor) {
                byte b = a[k - 1];
                boolean word = Bytes.alnum(b) || b == '_' || b == '-' || b == '.' || (b & 0x80) != 0;
                boolean innerSpace = b == ' ' && k - 2 >= keyFloor && Bytes.alnum(a[k - 2]) && k < keyEnd;
                if (!word && !innerSpace) break;
                k--;
            }
            Label l = classify(a, k, keyEnd);
            if (l != Label.NONE || k == keyEnd) return l;
            i = k;
        }
        return Label.NONE;
    }

    static Label classify(byte[] a, int from, int to) {
        if (to <= from) return Label.NONE;
        if (indexOf(a, from, to, MIYAO) >= 0 || indexOf(a, from, to, MIYAO2) >= 0) return Label.SECRET;
        StringBuilder norm = new StringBuilder(to - from);
        for (int k = from; k < to; k++) {
            byte b = a[k];
            if (Bytes.alnum(b)) norm.append((char) (b >= 'A' && b <= 'Z' ? b + 32 : b));
        }
        String key = norm.toString();
        if (key.contains("securitytoken") || key.contains("ststoken") || key.endsWith("token")) return Label.TOKEN;
        if (key.contains("secret") && !key.contains("secretid") && !key.contains("secretname")) return Label.SECRET;
        if (key.equals("sk") || key.equals("aksk") || lastWordIs(a, from, to, "sk")) return Label.SECRET;
        // Older OSS samples call the ID "accessId" and the secret "accessKey".
        if (key.endsWith("accesskey") || key.endsWith("accesskeyvalue")) return Label.SECRET;
        if (key.endsWith("key") || key.endsWith("password") || key.endsWith("passwd") || key.endsWith("pwd")) return Label.WEAK;
        return Label.NONE;
    }

    /** The key's last word, split at _ - . space or a lower-to-upper case change, equals {@code word}. */
    private static boolean lastWordIs(byte[] a, int from, int to, String word) {
        int n = word.length();
        if (to - from < n) return false;
        int start = to - n;
        String tail = new String(a, start, n, StandardCharsets.ISO_8859_1);
        if (!tail.equalsIgnoreCase(word)) return false;
        if (start == from) return true;
        byte before = a[start - 1];
        if (before == '_' || before == '-' || before == '.' || before == ' ') return true;
        // camelCase: aliyunSk / aliyunSK
        return before >= 'a' && before <= 'z' && a[start] >= 'A' && a[start] <= 'Z';
    }

    /** Moves back over quotes, colons, equals signs, escapes and full-width punctuation; never over a line break. */
    static int skipSeparatorsBackward(byte[] a, int i, int floor) {
        while (i > floor) {
            byte b = a[i - 1];
            switch (b) {
                case ' ', '\t', '"', '\'', '`', ':', '=', '>', '(', ',', '[', '{', '\\' -> { i--; continue; }
                default -> { }
            }
            if (b == ';' && i - 6 >= floor && regionEqualsIgnoreCase(a, i - 6, "&quot;")) { i -= 6; continue; }
            if (i - 3 >= floor && a[i - 3] == '%' && Bytes.hex(a[i - 2]) && Bytes.hex(a[i - 1])) { i -= 3; continue; }
            if (i - 6 >= floor && a[i - 6] == '\\' && a[i - 5] == 'u' && Bytes.hex(a[i - 1])) { i -= 6; continue; }
            boolean wide = false;
            for (byte[] sep : WIDE_SEPARATORS) {
                if (i - sep.length >= floor && Bytes.regionMatches(a, i - sep.length, i, sep)) { i -= sep.length; wide = true; break; }
            }
            if (!wide) break;
        }
        return i;
    }

    /**
     * True when only argument punctuation separates the end of an ID from the start of a value: quotes, commas,
     * colons, semicolons, pipes, escapes, at most three line breaks. Catches
     * {@code getProfile("cn-hangzhou", "LTAI…", "…")}, CSV rows and {@code id:secret@host}.
     */
    static boolean adjacentAfter(byte[] a, int idEnd, int valueStart) {
        if (valueStart < idEnd || valueStart - idEnd > 96) return false;
        int lines = 0;
        for (int k = idEnd; k < valueStart; k++) {
            byte b = a[k];
            switch (b) {
                case ' ', '\t', '"', '\'', '`', ',', ':', ';', '=', '|', '(', ')', '/', '@', '\r' -> { }
                case '\n' -> { if (++lines > 3) return false; }
                case '\\' -> {
                    if (k + 1 < valueStart && (a[k + 1] == 'n' || a[k + 1] == 't' || a[k + 1] == 'r')) k++;
                }
                case '%' -> {
                    if (k + 2 < valueStart && Bytes.hex(a[k + 1]) && Bytes.hex(a[k + 2])) k += 2;
                    else return false;
                }
                default -> { return false; }
            }
        }
        return true;
    }

    /** The previous line labels this one (a comment such as "// AccessKey Secret" or "# 阿里云密钥"). */
    static boolean labelledByPreviousLine(byte[] a, int valueStart, int floor) {
        int lineStart = valueStart;
        while (lineStart > floor && a[lineStart - 1] != '\n') lineStart--;
        if (lineStart <= floor) return false;
        int prevEnd = lineStart - 1;
        int prevStart = prevEnd;
        while (prevStart > floor && a[prevStart - 1] != '\n' && prevEnd - prevStart < 200) prevStart--;
        if (!isComment(a, prevStart, prevEnd)) return false;
        return Bytes.containsIgnoreCase(a, prevStart, prevEnd, "secret")
                || indexOf(a, prevStart, prevEnd, MIYAO) >= 0 || indexOf(a, prevStart, prevEnd, MIYAO2) >= 0;
    }

    private static boolean isComment(byte[] a, int from, int to) {
        int i = from;
        while (i < to && (a[i] == ' ' || a[i] == '\t')) i++;
        if (i >= to) return false;
        byte b = a[i];
        return b == '#' || b == ';' || (b == '/' && i + 1 < to && (a[i + 1] == '/' || a[i + 1] == '*'))
                || b == '*' || (b == '-' && i + 1 < to && a[i + 1] == '-') || (b == '<' && i + 3 < to && a[i + 1] == '!');
    }

    private static boolean regionEqualsIgnoreCase(byte[] a, int at, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (Character.toLowerCase((char) a[at + k]) != s.charAt(k)) return false;
        }
        return true;
    }

    static int indexOf(byte[] a, int from, int to, byte[] needle) {
        for (int i = from; i + needle.length <= to; i++) if (Bytes.regionMatches(a, i, to, needle)) return i;
        return -1;
    }

    static String ascii(byte[] a, int from, int to) {
        return new String(a, from, to - from, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }
}
