package dev.akguard.core.detect;

/**
 * Byte classification shared by every detector. Tables, because these run on every candidate byte.
 */
final class Bytes {
    private static final boolean[] ALNUM = new boolean[256];
    private static final boolean[] BASE64 = new boolean[256];
    private static final boolean[] HEX = new boolean[256];

    static {
        for (int c = '0'; c <= '9'; c++) {
            ALNUM[c] = true;
            BASE64[c] = true;
            HEX[c] = true;
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            ALNUM[c] = true;
            BASE64[c] = true;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            ALNUM[c] = true;
            BASE64[c] = true;
        }
        for (int c = 'a'; c <= 'f'; c++) HEX[c] = true;
        for (int c = 'A'; c <= 'F'; c++) HEX[c] = true;
        BASE64['+'] = true;
        BASE64['/'] = true;
        BASE64['-'] = true;
        BASE64['_'] = true;
    }

    private Bytes() {}

    static boolean alnum(byte b) {
        return ALNUM[b & 0xff];
    }

    static boolean base64(byte b) {
        return BASE64[b & 0xff];
    }

    static boolean hex(byte b) {
        return HEX[b & 0xff];
    }

    /** The standard base64 alphabet with padding (no URL-safe characters). */
    static boolean stdBase64(byte b) {
        return ALNUM[b & 0xff] || b == '+' || b == '/' || b == '=';
    }

    /** Length of the run of alphanumerics starting at {@code from}, stopping at {@code limit}. */
    static int alnumRun(byte[] a, int from, int limit) {
        int i = from;
        while (i < limit && ALNUM[a[i] & 0xff]) i++;
        return i - from;
    }

    /**
     * True when the token starting at {@code start} is not glued to a preceding alphanumeric. An
     * escape that ends in a letter or digit still separates: {@code \n}, {@code \t}, {@code \r}
     * inside string literals, {@code %3D}-style URL escapes and {@code \u0022}-style JSON escapes.
     */
    static boolean leftBoundary(byte[] a, int start, int floor) {
        if (start <= floor) return true;
        byte p = a[start - 1];
        if (!ALNUM[p & 0xff]) return true;
        if (start - 2 >= floor && a[start - 2] == '\\' && (p == 'n' || p == 't' || p == 'r'))
            return true;
        if (start - 3 >= floor && a[start - 3] == '%' && HEX[a[start - 2] & 0xff] && HEX[p & 0xff])
            return true;
        return start - 6 >= floor
                && a[start - 6] == '\\'
                && a[start - 5] == 'u'
                && HEX[a[start - 4] & 0xff]
                && HEX[a[start - 3] & 0xff]
                && HEX[a[start - 2] & 0xff]
                && HEX[p & 0xff];
    }

    static boolean rightBoundary(byte[] a, int end, int limit) {
        return end >= limit || !ALNUM[a[end] & 0xff];
    }

    static boolean regionMatches(byte[] a, int at, int limit, byte[] needle) {
        if (at < 0 || at + needle.length > limit) return false;
        for (int i = 0; i < needle.length; i++) if (a[at + i] != needle[i]) return false;
        return true;
    }

    static boolean containsIgnoreCase(byte[] a, int from, int to, String needle) {
        int n = needle.length();
        outer:
        for (int i = from; i + n <= to; i++) {
            for (int j = 0; j < n; j++) {
                int c = a[i + j];
                if (c >= 'A' && c <= 'Z') c += 32;
                if (c != needle.charAt(j)) continue outer;
            }
            return true;
        }
        return false;
    }
}
